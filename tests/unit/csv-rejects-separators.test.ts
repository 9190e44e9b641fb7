import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

// Issue #13, point 3: the rejects CSV stays text whatever separator the reader uses. Before, the line
// x;=1+1;=cmd|' /C calc'!A0 came out unquoted, and a semicolon-locale Excel split it into live formulas.
let backend: Backend | undefined;
afterEach(() => backend?.close());

const FORMULA_START = /^[=+\-@\t\r]/;
const LINE = "x;=1+1;=cmd|' /C calc'!A0";

async function rejectsCsv(): Promise<string> {
  const file = path.join(tempDir(), 'semicolon-line.csv');
  fs.writeFileSync(file, `account_id,user_id,event,timestamp,count\nacme,u-1,Login,2025-03-04 09:00:00,1\n${LINE}\n`);
  backend = tempBackend();
  const job = await runJob(backend, { path: file, timeZone: 'UTC' });
  expect(job.summary.rejected.map((r) => r.line)).toEqual([3]);
  const { csv } = await ok<{ csv: string }>(backend.api.invoke('imports.rejectsCsv', { id: job.summary.importId }));
  return csv.replace(/^\ufeff/, '');
}

describe('the rejects CSV', () => {
  it('quotes every field and keeps the line as read behind an apostrophe at each piece a reader could split off', async () => {
    const csv = await rejectsCsv();
    const rows = csv.split('\r\n').filter((l) => l !== '');
    for (const row of rows) expect(row).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    const byComma = Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: true }).data;
    expect(byComma[0]).toEqual(['line', 'code', 'reason', 'row as read']);
    expect(byComma[1][0]).toBe('3');
    expect(byComma[1][3]).toBe("x;'=1+1;'=cmd|' /C calc'!A0");
  });

  it('reads back with no cell starting a formula, with , or ; as the separator, quote-aware or not', async () => {
    const csv = await rejectsCsv();
    for (const delimiter of [',', ';']) {
      const cells = Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data.flat();
      expect(cells.length, delimiter).toBeGreaterThan(0);
      for (const cell of cells) expect(cell, `${delimiter} ${cell}`).not.toMatch(FORMULA_START);
      // A reader that leaves quote mode early splits at every separator: each piece, less its quote, is text.
      const pieces = csv.split(/\r\n/).flatMap((l) => l.split(delimiter)).map((p) => p.replace(/^"/, ''));
      for (const piece of pieces) expect(piece, `${delimiter} ${piece}`).not.toMatch(FORMULA_START);
    }
  });
});
