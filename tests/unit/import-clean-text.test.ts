// Issue #11, point 6: control characters (NUL, ESC sequences, BEL, C1) never reach the store. Real files carry
// them (a CRM field pasted from a terminal, a broken export): an accounts file, a HubSpot contacts file and an
// events file with them in account names, owners, people's names and product event names go through the real
// CLI; the stored values are read back with plain SQL, and the QBR deck of such an account is valid XML.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, importJson, readStore, runCli } from '../helpers/cli-process';

interface Summary {
  status: string;
  rowsAccepted: number;
  warnings: { line: number | null; code: string; message: string }[];
  counts: { warnings: number };
}

const NUL = '\u0000';
const ESC = '\u001b';
const BEL = '\u0007';
/** Characters XML 1.0 refuses, and the C1 block and DEL (escape codes on a terminal): none may be stored. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

let work: string;
let dataDir: string;
const runs: Record<string, Summary> = {};

beforeAll(async () => {
  work = tempDir('bearing-clean-text-');
  dataDir = tempDir();
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(work, name), text);
    return path.join(work, name);
  };
  const accounts = write(
    'accounts.csv',
    '"Account Name","Account ID","Account Owner","Licenses"\n' +
      `"Acme${NUL} Corporation","0015g00000AbCdEAAZ","Jane Doe","250"\n` +
      `"${ESC}[31mRed Alert${ESC}[0m Inc","0015g00000FgHiJAAZ","Sam${BEL} Lee","40"\n` +
      '"Clean Co","0015g00000KlMnOAAZ","Priya Shah","10"\n',
  );
  const contacts = write(
    'contacts.csv',
    'Record ID,First Name,Last Name,Email,Job Title,Associated Company\n' +
      `101,Ana${BEL},Silva,ana.silva@acme.example,VP Sales,Acme Corporation\n` +
      `102,Bob,${ESC}[1mJones,bob.jones@redalert.example,Analyst,Red Alert Inc\n` +
      '103,Cy,Clean,cy@clean.example,Admin,Clean Co\n',
  );
  const events = write(
    'events.csv',
    'account_id,user_id,event,timestamp\n' +
      `0015g00000AbCdEAAZ,101,Viewed${NUL} Dashboard,2026-11-02 10:00:00\n` +
      `0015g00000FgHiJAAZ,102,${ESC}[31mExported Report,2026-11-02 11:00:00\n` +
      `0015g00000KlMnOAAZ,103,Login\u0085,2026-11-03 09:00:00\n` +
      '0015g00000KlMnOAAZ,103,Login,2026-11-03 10:00:00\n',
  );
  // One after the other: the contacts name the accounts, the events the users.
  for (const [name, file] of [['accounts', accounts], ['contacts', contacts], ['events', events]] as const) {
    runs[name] = (await importJson<Summary>(file, dataDir)).json;
  }
}, 4 * CLI_CASE_TIMEOUT);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('control characters in imported cells', () => {
  it('are stripped from account names, owners, people and event names (an escape sequence as a whole)', () => {
    const stored = readStore(dataDir, (db) => ({
      accounts: db.prepare('SELECT name, owner FROM accounts ORDER BY external_id').raw().all(),
      users: db.prepare('SELECT name FROM users ORDER BY external_id').pluck().all(),
      features: db.prepare('SELECT name FROM features ORDER BY name').pluck().all(),
      // Both Login lines are one feature: the C1 character did not make a second one.
      loginEvents: db.prepare("SELECT count(*) FROM usage_events WHERE feature_id = (SELECT id FROM features WHERE name = 'Login')").pluck().get(),
    }));
    expect(stored).toEqual({
      accounts: [['Acme Corporation', 'Jane Doe'], ['Red Alert Inc', 'Sam Lee'], ['Clean Co', 'Priya Shah']],
      users: ['Ana Silva', 'Bob Jones', 'Cy Clean'],
      features: ['Exported Report', 'Login', 'Viewed Dashboard'],
      loginEvents: 2,
    });
  });

  it('leave no forbidden character in any stored text cell of accounts, users or features', () => {
    const cells = readStore(dataDir, (db) =>
      ['accounts', 'users', 'features', 'event_names'].flatMap((t) => (db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][]).flat()),
    );
    const texts = cells.filter((c): c is string => typeof c === 'string');
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => FORBIDDEN.test(t))).toEqual([]);
  });

  it('are counted as one warning per line, naming the columns and the first character removed', () => {
    expect(runs.accounts).toMatchObject({ status: 'imported', rowsAccepted: 3, counts: { warnings: 2 } });
    expect(runs.accounts.warnings.map((w) => [w.line, w.code])).toEqual([[2, 'control_characters'], [3, 'control_characters']]);
    expect(runs.accounts.warnings[0].message).toBe('Removed 1 control character (U+0000) from "Account Name"; the rest of the text was kept.');
    // Line 3: two escape sequences in the name, a BEL in the owner.
    expect(runs.accounts.warnings[1].message).toMatch(/^Removed 3 control characters \(U\+001B, …\) from "Account Name", "Account Owner"/);
    expect(runs.contacts.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(runs.events.warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [2, 'Removed 1 control character (U+0000) fro'],
      [3, 'Removed 1 control character (U+001B) fro'],
      [4, 'Removed 1 control character (U+0085) fro'],
    ]);
  });

  it("the deck of such an account, asked for by its CRM id, is valid XML and names it cleanly", async () => {
    const out = path.join(work, 'red-alert.pptx');
    const run = await runCli(['deck', '--account', '0015g00000FgHiJAAZ', '--out', out], dataDir);
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
    expect(parts.length).toBeGreaterThan(10);
    const xml = await Promise.all(parts.map((n) => zip.file(n)!.async('string')));
    expect(xml.filter((x) => FORBIDDEN.test(x))).toEqual([]);
    expect(xml.join('\n')).toContain('Red Alert Inc');
  }, CLI_CASE_TIMEOUT);
});
