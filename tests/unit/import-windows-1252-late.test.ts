// A Salesforce account report saved as CSV by Excel on Windows is Windows-1252. With a few thousand accounts its
// first accented name sits far past the 64 KB sample the encoding is guessed from, and that sample, all ASCII, is
// valid UTF-8: the import must still read "Müller" and not "M\uFFFDller". The file is written here byte by byte as
// Excel writes it (quoted cells, CRLF, Windows-1252); the expected names are the ones written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let backend: ReturnType<typeof tempBackend> | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

const ACCENTED = ['Müller Holzbau GmbH', 'Société Générale', 'Zoë & Chloë Ltd', 'Café Ñandú S.A.', 'Ærø Shipping ApS'];

function report(encoding: 'latin1' | 'utf8', bom: boolean): { file: string; names: string[] } {
  const lines = ['"Account ID","Account Name","Account Owner","Billing Country","Annual Revenue"'];
  const names: string[] = [];
  for (let i = 1; i <= 3000; i++) {
    // The first accented names come after row 2,000: about 170 KB into the file.
    const name = i > 2000 && i % 200 === 0 ? `${ACCENTED[(i / 200) % ACCENTED.length]} ${i}` : `Plain Account ${String(i).padStart(5, '0')} Holdings`;
    names.push(name);
    // Every character past ASCII after the sample: the owners of the later accounts too.
    lines.push(`"001${String(i).padStart(12, '0')}","${name}","${i > 2000 ? 'Renée Dupont' : 'Sam Taylor'}","Deutschland","${i * 1000}"`);
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const file = path.join(tempDir(), `accounts-${encoding}${bom ? '-bom' : ''}.csv`);
  const bytes = Buffer.from(text, encoding);
  fs.writeFileSync(file, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  const firstPastAscii = bytes.findIndex((byte) => byte > 0x7f);
  expect(firstPastAscii).toBeGreaterThan(64 * 1024);
  return { file, names };
}

const storedNames = (b: ReturnType<typeof tempBackend>) =>
  (b.database.sqlite.prepare('SELECT name FROM accounts ORDER BY external_id').pluck().all() as string[]);

describe('an accounts report whose first accented name is past the sample', () => {
  it('is read as Windows-1252 when it is, names and owners intact', async () => {
    const b = (backend = tempBackend());
    const { file, names } = report('latin1', false);
    const job = await runJob(b, { path: file, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ kind: 'accounts', rowsAccepted: 3000 });
    expect(storedNames(b)).toEqual(names);
    expect(b.database.sqlite.prepare("SELECT count(*) FROM accounts WHERE owner = 'Renée Dupont'").pluck().get()).toBe(1000);
    expect(b.database.sqlite.prepare("SELECT count(*) FROM accounts WHERE name LIKE '%\uFFFD%'").pluck().get()).toBe(0);
  });

  it('is read as UTF-8 when it is, with or without a byte order mark', async () => {
    for (const bom of [false, true]) {
      const b = (backend = tempBackend());
      const { file, names } = report('utf8', bom);
      await runJob(b, { path: file, timeZone: 'UTC' });
      expect(storedNames(b)).toEqual(names);
      b.close();
      backend = null;
    }
  });
});
