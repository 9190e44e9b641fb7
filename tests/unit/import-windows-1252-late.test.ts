// A Salesforce account report saved as CSV by Excel on Windows is Windows-1252. With a few thousand accounts its
// first accented name sits far past the 64 KB sample the encoding is guessed from, and that sample, all ASCII, is
// valid UTF-8: the import must still read "Müller" and not "M\uFFFDller". The file (tests/helpers/excel-report.ts) is
// written byte by byte as Excel writes it (quoted cells, CRLF, Windows-1252); the expected names are the ones written.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend } from '../helpers/backend';
import { excelAccountReport } from '../helpers/excel-report';
import { runJob } from '../helpers/import-jobs';

let backend: ReturnType<typeof tempBackend> | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

function report(encoding: 'latin1' | 'utf8', bom: boolean): { file: string; names: string[] } {
  const written = excelAccountReport(encoding, bom);
  expect(written.firstPastAscii).toBeGreaterThan(64 * 1024);
  return written;
}

const storedNames = (b: ReturnType<typeof tempBackend>) =>
  (b.database.sqlite.prepare('SELECT name FROM accounts ORDER BY external_id').pluck().all() as string[]);

describe('an accounts report whose first accented name is past the sample', () => {
  it('is read as Windows-1252 when it is, names and owners intact', async () => {
    const b = (backend = tempBackend());
    const { file, names } = report('latin1', false);
    const job = await runJob(b, { path: file, timeZone: 'UTC' });
    // The summary (the Import screen's file card, `import --json`) names the encoding the file was read as, which
    // the preview of its first 64 KB could not tell.
    expect(job.summary).toMatchObject({ kind: 'accounts', rowsAccepted: 3000, encoding: 'windows-1252' });
    expect(storedNames(b)).toEqual(names);
    expect(b.database.sqlite.prepare("SELECT count(*) FROM accounts WHERE owner = 'Renée Dupont'").pluck().get()).toBe(1000);
    expect(b.database.sqlite.prepare("SELECT count(*) FROM accounts WHERE name LIKE '%\uFFFD%'").pluck().get()).toBe(0);
  });

  it('is read as UTF-8 when it is, with or without a byte order mark', async () => {
    for (const bom of [false, true]) {
      const b = (backend = tempBackend());
      const { file, names } = report('utf8', bom);
      const job = await runJob(b, { path: file, timeZone: 'UTC' });
      expect(job.summary.encoding).toBe('utf-8');
      expect(storedNames(b)).toEqual(names);
      b.close();
      backend = null;
    }
  });

  it('keeps the encoding in the summary of an import that fails', async () => {
    const b = (backend = tempBackend());
    const { file } = report('latin1', false);
    // An unclosed quote in the last row, after every accented name: nothing is stored, and the summary still says
    // how the file was read.
    fs.appendFileSync(file, Buffer.from('"001999999999999","Brüder Open Quote,Renée Dupont,Deutschland,1\r\n', 'latin1'));
    const job = await runJob(b, { path: file, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'error', rowsAccepted: 0, encoding: 'windows-1252' });
    expect(job.summary.error?.code).toBe('unterminated_quote');
  });
});
