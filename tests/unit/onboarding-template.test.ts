// Onboarding that starts itself (issue #14 point 8, docs/METRICS.md "Onboarding template") on books built only from
// vendor-shaped exports: tests/fixtures/book (Salesforce accounts, features file) and tests/fixtures/onboarding
// (Harbor Foods: 4 licenses from 2026-09-01, a Mixpanel export; Quay Partners: usage before its CRM row). Every
// expected date is worked out by hand in the comments, or by plain SQL over the raw usage_events table.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { AppSettings, ImportSummary, Milestone, MethodOutput } from '../../src/shared/contract';
import { call, failure, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const book = (name: string) => path.join(__dirname, '..', 'fixtures', 'book', name);
const own = (name: string) => path.join(__dirname, '..', 'fixtures', 'onboarding', name);

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

const TEMPLATE = {
  enabled: true,
  offsets: { kickoff: 7, first_key_action: 14, onboarding_complete: 30, basic_value: 45, exceeded_value: 90 },
  onboardedSharePercent: 50,
};

async function open(templateOn = true): Promise<Backend> {
  backend = tempBackend();
  backend.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  if (templateOn) await call(backend, 'settings.update', { onboardingTemplate: TEMPLATE });
  return backend;
}

const load = async (b: Backend, file: string): Promise<ImportSummary> => (await runJob(b, { path: file, timeZone: 'UTC' })).summary;
const accountId = (b: Backend, name: string) => b.database.sqlite.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(name) as number;
const byExternal = (b: Backend, ext: string) => b.database.sqlite.prepare('SELECT id FROM accounts WHERE external_id = ?').pluck().get(ext) as number;
const count = (b: Backend, sql: string) => b.database.sqlite.prepare(sql).pluck().get() as number;
const list = (b: Backend, id: number, asOf?: string) => call<MethodOutput<'milestones.list'>>(b, 'milestones.list', { accountId: id, ...(asOf ? { asOf } : {}) });
async function byKind(b: Backend, id: number, asOf?: string): Promise<Record<string, Milestone>> {
  return Object.fromEntries((await list(b, id, asOf)).items.map((m) => [m.kind, m]));
}
const targets = async (b: Backend, id: number) => Object.fromEntries(Object.entries(await byKind(b, id)).map(([k, m]) => [k, m.targetDate]));

describe('the onboarding template', () => {
  it('is off by default and validated: integer days 0–730', async () => {
    const b = await open(false);
    const settings = await call<AppSettings>(b, 'settings.get');
    expect(settings.onboardingTemplate).toEqual({ ...TEMPLATE, enabled: false });
    await load(b, book('salesforce-accounts.csv'));
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(0);
    for (const bad of [731, -1, 1.5]) {
      const error = await failure(b, 'settings.update', { onboardingTemplate: { ...TEMPLATE, offsets: { ...TEMPLATE.offsets, kickoff: bad } } });
      expect(error.code).toBe('invalid_input');
    }
    expect((await call<AppSettings>(b, 'settings.get')).onboardingTemplate.offsets.kickoff).toBe(7);
  });

  it('gives every account a CSV import creates the five milestones at contract start + offset; a re-import adds none; undo removes them', async () => {
    const b = await open();
    const first = await load(b, book('salesforce-accounts.csv'));
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(15);
    // Northwind starts 2026-01-15: +7 Jan 22, +14 Jan 29, +30 Feb 14, +45 Mar 1 (Feb has 28 days), +90 Apr 15.
    expect(await targets(b, accountId(b, 'Northwind Traders'))).toEqual({
      kickoff: '2026-01-22',
      first_key_action: '2026-01-29',
      onboarding_complete: '2026-02-14',
      basic_value: '2026-03-01',
      exceeded_value: '2026-04-15',
    });
    // Contoso starts 2026-03-01: Mar 8, Mar 15, Mar 31, Apr 15, May 30.
    expect(await targets(b, accountId(b, 'Contoso Ltd'))).toEqual({
      kickoff: '2026-03-08',
      first_key_action: '2026-03-15',
      onboarding_complete: '2026-03-31',
      basic_value: '2026-04-15',
      exceeded_value: '2026-05-30',
    });
    // Fabrikam starts 2026-06-01: Jun 8, Jun 15, Jul 1, Jul 16, Aug 30.
    expect((await targets(b, accountId(b, 'Fabrikam, Inc.'))).exceeded_value).toBe('2026-08-30');
    const names = (await list(b, accountId(b, 'Contoso Ltd'))).items.map((m) => m.name);
    expect(names).toEqual(['Kickoff', 'First key action', 'Onboarding complete', 'Basic value', 'Exceeded value']);

    const again = await load(b, book('salesforce-accounts.csv'));
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(15);
    await call(b, 'imports.undo', { id: again.importId });
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(15);
    await call(b, 'imports.undo', { id: first.importId });
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(0);
    expect(count(b, 'SELECT count(*) FROM accounts')).toBe(0);
  });

  it('waits for the contract start of an account usage created, and goes with the import that gave it', async () => {
    const b = await open();
    await load(b, book('features.csv'));
    await load(b, own('quay-events.csv'));
    const quay = byExternal(b, '0015g00000QuAyAAAZ');
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(0);
    const crm = await load(b, own('quay-accounts.csv'));
    // Starts 2026-09-02: Sep 9, Sep 16, Oct 2, Oct 17, Dec 1.
    expect(await targets(b, quay)).toEqual({
      kickoff: '2026-09-09',
      first_key_action: '2026-09-16',
      onboarding_complete: '2026-10-02',
      basic_value: '2026-10-17',
      exceeded_value: '2026-12-01',
    });
    // Zoe viewed a dashboard (key) on 2026-09-06; 1 license × 50 % → 1 user needed: onboarded the same day.
    const m = await byKind(b, quay);
    expect(m.first_key_action).toMatchObject({ achievedDate: '2026-09-06', achievedSource: 'usage', status: 'achieved_on_time' });
    expect(m.onboarding_complete).toMatchObject({ achievedDate: '2026-09-06', achievedSource: 'usage' });
    await call(b, 'imports.undo', { id: crm.importId });
    expect(count(b, 'SELECT count(*) FROM milestones')).toBe(0);
    expect(count(b, 'SELECT count(*) FROM accounts')).toBe(1);
  });
});

describe('milestones achieved from usage', () => {
  async function harbor(): Promise<{ b: Backend; id: number; events: ImportSummary }> {
    const b = await open();
    await load(b, book('features.csv'));
    await load(b, own('harbor-accounts.csv'));
    const events = await load(b, own('harbor-events.csv'));
    return { b, id: accountId(b, 'Harbor Foods'), events };
  }

  it('marks first key action and onboarding complete on the days the events show', async () => {
    const { b, id } = await harbor();
    // Plain SQL over the raw events: the first key-feature event on or after the contract start (2026-09-01).
    const firstKey = b.database.sqlite
      .prepare(
        `SELECT min(e.day) FROM usage_events e JOIN event_names n ON n.id = e.event_id
         WHERE e.account_id = ? AND n.name IN ('Viewed Dashboard', 'Created Alert', 'Exported Report') AND e.day >= ?`,
      )
      .pluck()
      .get(id, Date.parse('2026-09-01T00:00:00Z') / 86_400_000) as number;
    expect(new Date(firstKey * 86_400_000).toISOString().slice(0, 10)).toBe('2026-09-10');
    const m = await byKind(b, id);
    // Ana's dashboard on Sep 10 (Cy's on Aug 25 is before the contract). 4 licenses × 50 % = 2 users with a key
    // event: Ana (Sep 10), Ben's alert (Sep 20) → onboarding complete Sep 20. Cy's export (Oct 2) is the third.
    expect(m.first_key_action).toMatchObject({ achievedDate: '2026-09-10', achievedSource: 'usage', daysFromContractStart: 9 });
    expect(m.onboarding_complete).toMatchObject({ achievedDate: '2026-09-20', achievedSource: 'usage', daysFromContractStart: 19 });
    expect(m.kickoff).toMatchObject({ achievedDate: null, achievedSource: null, status: 'overdue' });
    // As of Sep 15 the first key action is achieved, onboarding is not yet (its target is Oct 1).
    const early = await byKind(b, id, '2026-09-15');
    expect(early.first_key_action.status).toBe('achieved_on_time');
    expect(early.onboarding_complete.status).toBe('upcoming');
    expect((await list(b, id, '2026-09-15')).ttv).toMatchObject({ firstKeyActionDays: 9, onboardingDays: null });
  });

  it('follows the data back when the usage import is undone', async () => {
    const { b, id, events } = await harbor();
    await call(b, 'imports.undo', { id: events.importId });
    const m = await byKind(b, id);
    expect(m.first_key_action).toMatchObject({ achievedDate: null, achievedSource: null });
    expect(m.onboarding_complete).toMatchObject({ achievedDate: null, achievedSource: null });
  });

  it('never overwrites a date the CSM set by hand', async () => {
    const { b, id } = await harbor();
    const m = await byKind(b, id);
    await call(b, 'milestones.update', { id: m.onboarding_complete.id, achievedDate: '2026-09-25' });
    // Editing only the notes of a usage date keeps it "from usage".
    await call(b, 'milestones.update', { id: m.first_key_action.id, notes: 'Ana, dashboards', achievedDate: '2026-09-10' });
    const october = await load(b, own('harbor-events-october.csv'));
    let after = await byKind(b, id);
    expect(after.onboarding_complete).toMatchObject({ achievedDate: '2026-09-25', achievedSource: 'csm' });
    expect(after.first_key_action).toMatchObject({ achievedDate: '2026-09-10', achievedSource: 'usage' });
    await call(b, 'imports.undo', { id: october.importId });
    after = await byKind(b, id);
    expect(after.onboarding_complete).toMatchObject({ achievedDate: '2026-09-25', achievedSource: 'csm' });
  });

  it('follows a change of the key flag in the catalogue', async () => {
    const b = await open();
    await load(b, own('harbor-accounts.csv'));
    await load(b, own('harbor-events.csv'));
    const id = accountId(b, 'Harbor Foods');
    // Without a features file no feature is key: nothing is marked.
    expect((await byKind(b, id)).first_key_action.achievedDate).toBeNull();
    const features = await call<{ id: number; name: string }[]>(b, 'features.list');
    const dashboards = features.find((f) => f.name === 'Viewed Dashboard') as { id: number };
    await call(b, 'features.update', { id: dashboards.id, isKey: true });
    // Ana's dashboard on Sep 10 (Cy's on Aug 25 is before the contract); only Ana has a key event after the start,
    // 1 of the 2 users needed: onboarding stays open.
    const m = await byKind(b, id);
    expect(m.first_key_action).toMatchObject({ achievedDate: '2026-09-10', achievedSource: 'usage' });
    expect(m.onboarding_complete.achievedDate).toBeNull();
  });
});
