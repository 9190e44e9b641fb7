// The Parquet reader (issue #15, point 5) on a file a real Parquet writer made (see
// tests/fixtures/import/parquet/README.md): recognised by its magic bytes, headers from the schema, rows numbered
// from 1 one row group at a time, and the import of it through the real backend.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { parquetCell, readParquetBatches, sniffParquet } from '../../src/main/import/parquet-records';
import { formatOf } from '../../src/main/import/raw-exports';
import { tempBackend } from '../helpers/backend';
import { fixture, runJob } from '../helpers/import-jobs';

const ALPHA = fixture('parquet/alpha.parquet');
// "aa" … "zz": 26 × 26 = 676 two-letter ids, in order.
const letters = 'abcdefghijklmnopqrstuvwxyz';
const expected = [...letters].flatMap((a) => [...letters].map((b) => a + b));

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

describe('Parquet', () => {
  it('is told from its first bytes and sniffed from its schema and first rows', async () => {
    expect(formatOf(fs.readFileSync(ALPHA))).toBe('parquet');
    const sniff = await sniffParquet(ALPHA, 5);
    expect(sniff).toMatchObject({ headers: ['id'], numRows: 676, complete: false });
    expect(sniff.sampleRows).toEqual(expected.slice(0, 5).map((id, i) => ({ line: i + 1, fields: [id] })));
  });

  it('reads every row once, numbered from 1, in more than one batch (a row group at a time)', async () => {
    const lines: number[] = [];
    const ids: string[] = [];
    let batches = 0;
    let hashed = 0;
    for await (const batch of readParquetBatches(ALPHA, { sizeBytes: fs.statSync(ALPHA).size, onFileBytes: (b) => (hashed += b.length) })) {
      batches++;
      for (const r of batch.records) {
        lines.push(r.line);
        ids.push(r.fields[0]);
      }
    }
    expect(ids).toEqual(expected);
    expect(lines).toEqual(expected.map((_, i) => i + 1));
    expect(batches).toBeGreaterThan(1);
    expect(hashed).toBe(fs.statSync(ALPHA).size);
  });

  it('writes cells as a CSV of the same data would hold them', () => {
    expect(parquetCell(new Date(Date.UTC(2026, 0, 12)))).toBe('2026-01-12');
    expect(parquetCell(new Date(Date.UTC(2026, 0, 12, 9, 15, 2)))).toBe('2026-01-12T09:15:02.000Z');
    expect(parquetCell(9007199254740993n)).toBe('9007199254740993');
    expect(parquetCell(null)).toBe('');
  });

  it('imports through the same pipeline as a CSV (here as an accounts list: one id column), rows as lines', async () => {
    // The app hosts' worker thread, as the Import screen runs it.
    backend = tempBackend({ host: 'web' });
    const job = await runJob(backend, { path: ALPHA, kind: 'accounts', timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported', kind: 'accounts', rowsAccepted: 676 });
    expect(job.summary.warnings[0]).toMatchObject({ line: 1, code: 'nameless_account' });
    const again = await runJob(backend, { path: ALPHA, kind: 'accounts', timeZone: 'UTC' });
    expect(again.summary.counts).toMatchObject({ accepted: 0, duplicates: 676 });
  });
});
