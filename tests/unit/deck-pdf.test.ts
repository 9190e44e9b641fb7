import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { buildDeck } from '../../src/main/deck/build';
import { pdfText } from '../../src/main/deck/pdf-text';
import { ok, tempBackend } from '../helpers/backend';

// Issue #6, point 3: the same deck as PDF. Streams are left uncompressed here so the page text can be searched:
// pdfkit writes each line as hex strings in TJ arrays (split where it kerns), in WinAnsi for the built-in fonts.
const backend = tempBackend();
let demoId: number;

function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[([^\]]*)\] TJ/g)].map(([, parts]) =>
    [...parts.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1')).join(''),
  );
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

beforeAll(async () => {
  await ok(backend.api.invoke('demo.load', {}));
  const list = await ok<MethodOutput<'accounts.list'>>(backend.api.invoke('accounts.list', { search: 'Lumenwick Energy' }));
  demoId = list.items[0].id;
}, 60_000);
afterAll(() => backend.close());

describe('the QBR deck as PDF', () => {
  it('is a PDF with one landscape page per slide, holding the account name and its health score', async () => {
    const built = await buildDeck(backend.context, { accountId: demoId, format: 'pdf' }, { compress: false });
    const pdf = built.buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(built.model.slides.length);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 959.976 540]');
    const text = pageTexts(pdf);
    expect(text).toContain('Lumenwick Energy');
    const health = await ok<MethodOutput<'health.account'>>(backend.api.invoke('health.account', { id: demoId, asOf: '2026-09-30' }));
    expect(text).toContain(health.score?.toFixed(1));
    expect(text).toContain('Executive summary');
    expect(text).toContain('Appendix: definitions (1 of 2)');
  });

  it('is saved by deck.build like the PPTX, compressed', async () => {
    const built = await ok<MethodOutput<'deck.build'>>(backend.api.invoke('deck.build', { accountId: demoId, format: 'pdf', quarter: '2026Q3' }));
    expect(built.fileName).toBe('Lumenwick Energy QBR 2026Q3.pdf');
    const pdf = fs.readFileSync(built.path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(built.slides);
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });

  it('writes what Helvetica cannot show as ASCII, not as wrong glyphs', () => {
    expect(pdfText('−8.5 → 91% ≥ 70 “quoted” – Zoë')).toBe('-8.5 -> 91% >= 70 “quoted” – Zoë');
    expect(pdfText('東京 Corp')).toBe('?? Corp');
  });
});
