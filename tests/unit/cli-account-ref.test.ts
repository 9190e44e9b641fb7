// Issue #11, point 8: `--account` takes Bearing's id or the account's id in its CRM (externalId), in every command
// that has the flag (health, metrics, deck). The book: a Salesforce-shaped accounts file whose ids include "2"
// (Bearing's id of the same account: no doubt) and "1" (Bearing's id of ANOTHER account: ambiguous, refused with
// both names; id:1 and ext:1 say which).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, importJson, readStore, runCli } from '../helpers/cli-process';

let work: string;
let dataDir: string;

beforeAll(async () => {
  work = tempDir('bearing-account-ref-');
  dataDir = tempDir();
  const file = path.join(work, 'accounts.csv');
  fs.writeFileSync(
    file,
    '"Account Name","Account ID","Account Owner","Licenses","Contract Start Date","Renewal Date"\n' +
      '"Acme Corporation","0015g00000AbCdEAAZ","Jane Doe","250","4/1/2026","3/31/2027"\n' +
      '"Globex","2","Sam Lee","40","1/15/2026","1/14/2027"\n' +
      '"Initech","1","Priya Shah","10","6/1/2026","5/31/2027"\n',
  );
  await importJson(file, dataDir);
}, CLI_CASE_TIMEOUT);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The account `health --account REF --json` answers for: its id and name, or the CLI's error and exit code. */
async function healthOf(ref: string): Promise<{ id: number; name: string } | { code: number | null; error: string }> {
  const run = await runCli(['health', '--account', ref, '--as-of', '2026-11-20', '--json'], dataDir);
  if (run.code !== 0) return { code: run.code, error: run.stderr.trim() };
  const [a] = JSON.parse(run.stdout) as { id: number; name: string }[];
  return { id: a.id, name: a.name };
}

describe('--account ID or CRM id', () => {
  it('the store holds what the file says: Bearing ids 1, 2, 3 in file order', () => {
    expect(readStore(dataDir, (db) => db.prepare('SELECT id, external_id, name FROM accounts ORDER BY id').raw().all())).toEqual([
      [1, '0015g00000AbCdEAAZ', 'Acme Corporation'],
      [2, '2', 'Globex'],
      [3, '1', 'Initech'],
    ]);
  });

  it.concurrent.each([
    ['0015g00000AbCdEAAZ', { id: 1, name: 'Acme Corporation' }], // a Salesforce id
    ['3', { id: 3, name: 'Initech' }], // Bearing's id, no CRM id "3"
    ['2', { id: 2, name: 'Globex' }], // Bearing's id and CRM id of the same account
    ['id:1', { id: 1, name: 'Acme Corporation' }],
    ['ext:1', { id: 3, name: 'Initech' }],
  ])('health --account %s', async (ref, expected) => {
    expect(await healthOf(ref)).toEqual(expected);
  }, CLI_CASE_TIMEOUT);

  it('a number that is Bearing\'s id of one account and the CRM id of another is refused, naming both', async () => {
    const answer = await healthOf('1');
    expect(answer).toMatchObject({ code: 1 });
    const { error } = answer as { error: string };
    expect(error).toContain('"1" is both Bearing\'s id of "Acme Corporation" and the CRM id of "Initech"');
    expect(error).toContain('--account id:1 or --account ext:1');
  }, CLI_CASE_TIMEOUT);

  it.concurrent.each(['0015g00000ZZZZZAAZ', '99', 'ext:0015g', 'id:0015g00000AbCdEAAZ'])('an unknown value (%s) is an error naming it', async (ref) => {
    const answer = await healthOf(ref);
    expect(answer).toMatchObject({ code: 1 });
    const value = ref.replace(/^(id|ext):/, '');
    expect((answer as { error: string }).error).toContain(`"${value}"`);
  }, CLI_CASE_TIMEOUT);

  it('metrics and deck take the CRM id too: the same answer as with Bearing\'s id', async () => {
    const metrics = async (ref: string) => (await runCli(['metrics', '--account', ref, '--as-of', '2026-11-20', '--json'], dataDir)).stdout;
    const [byId, byCrm] = await Promise.all([metrics('id:1'), metrics('0015g00000AbCdEAAZ')]);
    expect(JSON.parse(byCrm)).toEqual(JSON.parse(byId));
    const out = path.join(work, 'acme.pptx');
    const deck = await runCli(['deck', '--account', '0015g00000AbCdEAAZ', '--quarter', '2026Q3', '--out', out], dataDir);
    expect(deck.code).toBe(0);
    expect(deck.stdout.trim()).toBe(out);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    const unknown = await runCli(['deck', '--account', 'nope-42', '--out', path.join(work, 'x.pptx')], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"nope-42"');
    expect(fs.existsSync(path.join(work, 'x.pptx'))).toBe(false);
  }, 2 * CLI_CASE_TIMEOUT);

  it('accounts lists both ids', async () => {
    const run = await runCli(['accounts'], dataDir);
    expect(run.stdout.split('\n')[0]).toMatch(/^ID\s+CRM ID\s+NAME/);
    expect(run.stdout).toMatch(/\n3\s+1\s+Initech/);
  }, CLI_CASE_TIMEOUT);
});
