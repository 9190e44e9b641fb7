// The feature catalogue on a book built only from vendor-shaped exports (tests/fixtures/book: a Salesforce account
// report with a Products column, a Mixpanel event export with product event names, a features file). Expected
// numbers are counted by hand from those files (see the comments), or by plain SQL over the raw events with the
// event -> feature table written out here, never by the code under test.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { CatalogueChange, Feature, ImportSummary, MethodOutput } from '../../src/shared/contract';
import { call, failure, tempBackend } from '../helpers/backend';
import { chooseFile, rollupsAndEvents, runJob } from '../helpers/import-jobs';

const book = (name: string) => path.join(__dirname, '..', 'fixtures', 'book', name);
const AS_OF = '2026-11-30';

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

async function load(...files: string[]): Promise<{ b: Backend; summaries: ImportSummary[] }> {
  backend = tempBackend();
  const summaries: ImportSummary[] = [];
  for (const f of files) summaries.push((await runJob(backend, { path: book(f), timeZone: 'UTC' })).summary);
  return { b: backend, summaries };
}

const features = (b: Backend) => call<Feature[]>(b, 'features.list');
const metrics = (b: Backend, id: number) => call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id, asOf: AS_OF });
const recommendations = async (b: Backend, id: number) =>
  (await call<MethodOutput<'recommendations.account'>>(b, 'recommendations.account', { id, asOf: AS_OF })).items;
const idOf = async (b: Backend, name: string) => (await features(b)).find((f) => f.name === name)?.id as number;

/** Per account and feature name, the users with an event in the 30 days to AS_OF: plain SQL over raw events. */
function usersPerFeature(b: Backend, eventToFeature: Record<string, string>): Map<string, number> {
  const rows = b.database.sqlite
    .prepare(
      `SELECT a.name AS account, n.name AS event, e.user_id AS user FROM usage_events e
       JOIN accounts a ON a.id = e.account_id JOIN event_names n ON n.id = e.event_id
       WHERE e.day BETWEEN ? AND ?`,
    )
    .all(Date.parse(`${AS_OF}T00:00:00Z`) / 86_400_000 - 29, Date.parse(`${AS_OF}T00:00:00Z`) / 86_400_000) as { account: string; event: string; user: number }[];
  const sets = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = `${r.account}|${eventToFeature[r.event] ?? r.event}`;
    sets.set(key, (sets.get(key) ?? new Set()).add(r.user));
  }
  return new Map([...sets].map(([k, s]) => [k, s.size]));
}

describe('a book from vendor exports, before any catalogue', () => {
  it('keeps each product event name as a feature of its own name, and lists it as not yet reviewed', async () => {
    const { b, summaries } = await load('salesforce-accounts.csv', 'mixpanel-events.csv');
    expect(summaries.map((s) => [s.kind, s.status, s.rowsAccepted])).toEqual([['accounts', 'imported', 3], ['events', 'imported', 8]]);
    const names = (await features(b)).map((f) => f.name).sort();
    // The Products column named Dashboards, Report export, Alerts and SSO; the events named six more.
    expect(names).toEqual(['Alerts', 'Created Alert', 'Dashboards', 'Exported CSV', 'Exported Report', 'Report export', 'Shared Dashboard', 'Signed In', 'SSO', 'Viewed Dashboard'].sort());
    const events = await call<MethodOutput<'features.eventNames'>>(b, 'features.eventNames');
    expect(events.filter((e) => e.unreviewed).map((e) => [e.name, e.events])).toEqual([
      ['Signed In', 2], ['Viewed Dashboard', 2], ['Created Alert', 1], ['Exported CSV', 1], ['Exported Report', 1], ['Shared Dashboard', 1],
    ]);
    // No key feature yet: breadth has nothing to count.
    expect((await metrics(b, 1)).breadth).toBeNull();
  });

  it('the mapping screen lists the unknown event names with the feature each most resembles', async () => {
    const { b } = await load('salesforce-accounts.csv');
    const inspection = await call<MethodOutput<'import.inspect'>>(b, 'import.inspect', { file: chooseFile(b, book('mixpanel-events.csv')) });
    expect(inspection.unknownEvents?.complete).toBe(true);
    expect(inspection.unknownEvents?.features).toEqual(['Alerts', 'Dashboards', 'Report export', 'SSO']);
    expect(inspection.unknownEvents?.names.map((n) => [n.name, n.rows, n.countsAs, n.suggestion])).toEqual([
      ['Signed In', 2, 'Signed In', null],
      ['Viewed Dashboard', 2, 'Viewed Dashboard', 'Dashboards'],
      ['Created Alert', 1, 'Created Alert', 'Alerts'],
      ['Exported CSV', 1, 'Exported CSV', 'Report export'],
      ['Exported Report', 1, 'Exported Report', 'Report export'],
      ['Shared Dashboard', 1, 'Shared Dashboard', 'Dashboards'],
    ]);
  });

  it('the CSM’s choices on the mapping screen are applied and remembered for the next file', async () => {
    const { b } = await load('salesforce-accounts.csv');
    const choices = { 'Viewed Dashboard': 'Dashboards', 'Shared Dashboard': 'Dashboards', 'Exported Report': 'Report export', 'Signed In': 'Signed In' };
    await runJob(b, { path: book('mixpanel-events.csv'), timeZone: 'UTC', eventFeatures: choices });
    const list = await features(b);
    expect(list.find((f) => f.name === 'Dashboards')?.events).toEqual(['Viewed Dashboard', 'Shared Dashboard']);
    const again = await call<MethodOutput<'import.inspect'>>(b, 'import.inspect', { file: chooseFile(b, book('mixpanel-events.csv')) });
    // Chosen names are known now; the two left to the default are still listed.
    expect(again.unknownEvents?.names.map((n) => n.name)).toEqual(['Created Alert', 'Exported CSV']);
    // Northwind (3 active users): Dashboards by u-1 (Viewed) and u-2 (Shared).
    expect((await metrics(b, 1)).featureAdoption.Dashboards).toBeCloseTo(2 / 3, 10);
  });
});

describe('a features file (Event, Feature, Key, Paid)', () => {
  it('re-derives stored events and rollups: featureAdoption by catalogue name, breadth over catalogue key features', async () => {
    const { b, summaries } = await load('salesforce-accounts.csv', 'mixpanel-events.csv', 'features.csv');
    expect(summaries[2]).toMatchObject({ kind: 'features', status: 'imported', rowsAccepted: 5 });
    const list = await features(b);
    expect(list.map((f) => [f.name, f.isKey, f.isPaid, f.events])).toEqual([
      ['Alerts', true, false, ['Created Alert']],
      ['Dashboards', true, false, ['Viewed Dashboard', 'Shared Dashboard']],
      ['Report export', true, true, ['Exported *']],
      ['Signed In', false, false, ['Signed In']],
      ['SSO', false, true, []],
    ]);
    const { rollups, fromEvents } = rollupsAndEvents(b.database.sqlite);
    expect(rollups).toEqual(fromEvents);
    const byHand = { 'Viewed Dashboard': 'Dashboards', 'Shared Dashboard': 'Dashboards', 'Exported Report': 'Report export', 'Exported CSV': 'Report export', 'Created Alert': 'Alerts' };
    const users = usersPerFeature(b, byHand);
    // Northwind: u-1, u-2, u-3 active. Dashboards u-1 + u-2; Report export u-1; Alerts u-1; Signed In u-3.
    const north = await metrics(b, 1);
    expect(north.featureAdoption).toEqual({ Dashboards: 2 / 3, 'Report export': 1 / 3, Alerts: 1 / 3, 'Signed In': 1 / 3 });
    expect(north.featureAdoption.Dashboards).toBe((users.get('Northwind Traders|Dashboards') ?? 0) / 3);
    expect(north.breadth).toBe(1);
    expect(north.breadthDetail).toEqual({ used: ['Dashboards', 'Report export', 'Alerts'], enabled: ['Dashboards', 'Report export', 'Alerts'] });
    // Contoso pays for Dashboards and SSO: Report export (paid) is not enabled, Alerts (core) is. u-9 Dashboards.
    const contoso = await metrics(b, 2);
    expect(contoso.breadthDetail).toEqual({ used: ['Dashboards'], enabled: ['Dashboards', 'Alerts'] });
    expect(contoso.breadth).toBe(0.5);
    expect(contoso.featureAdoption).toEqual({ Dashboards: 0.5, Alerts: 0, SSO: 0, 'Signed In': 0.5 });
    // Downgrade risk reads the entitlements: Contoso pays for SSO and nobody used it.
    const risk = (await recommendations(b, 2)).find((r) => r.kind === 'downgrade_risk');
    expect(risk?.features.map((f) => f.name)).toEqual(['SSO']);
    // Northwind's reminders name catalogue features: u-3 used no key feature, u-2 only Dashboards.
    const reminders = (await recommendations(b, 1)).filter((r) => r.kind === 'key_feature_reminder');
    expect(reminders.map((r) => [r.features[0].name, r.users.map((u) => u.name)])).toEqual([
      ['Dashboards', ['ben@northwind.example']],
      ['Report export', ['alex.kim@northwind.example', 'ben@northwind.example']],
      ['Alerts', ['alex.kim@northwind.example', 'ben@northwind.example']],
    ]);
  });

  it('undoing the features file puts the catalogue and the usage back as they were', async () => {
    const { b, summaries } = await load('salesforce-accounts.csv', 'mixpanel-events.csv');
    const before = (await features(b)).map((f) => [f.name, f.events]);
    const rollupsBefore = rollupsAndEvents(b.database.sqlite).rollups;
    const job = (await runJob(b, { path: book('features.csv'), timeZone: 'UTC' })).summary;
    expect(summaries).toHaveLength(2);
    await call(b, 'imports.undo', { id: job.importId });
    expect((await features(b)).map((f) => [f.name, f.events])).toEqual(before);
    expect(rollupsAndEvents(b.database.sqlite).rollups).toEqual(rollupsBefore);
  });
});

describe('a features file imported before the usage, then undone', () => {
  it('the names it mapped count as features of their own names again, as if it had never been imported', async () => {
    const { b, summaries } = await load('salesforce-accounts.csv', 'features.csv', 'mixpanel-events.csv');
    expect((await features(b)).find((f) => f.name === 'Dashboards')?.events).toEqual(['Viewed Dashboard', 'Shared Dashboard']);
    await call(b, 'imports.undo', { id: summaries[1].importId });
    const names = await call<MethodOutput<'features.eventNames'>>(b, 'features.eventNames');
    // Every stored event counts as some feature; the six names are back to their own (and unreviewed).
    expect(names.map((n) => [n.name, n.featureName, n.unreviewed])).toEqual([
      ['Signed In', 'Signed In', true], ['Viewed Dashboard', 'Viewed Dashboard', true], ['Created Alert', 'Created Alert', true],
      ['Exported CSV', 'Exported CSV', true], ['Exported Report', 'Exported Report', true], ['Shared Dashboard', 'Shared Dashboard', true],
    ]);
    expect(b.database.sqlite.prepare('SELECT count(*) FROM usage_events WHERE feature_id = 0').pluck().get()).toBe(0);
    const { rollups, fromEvents } = rollupsAndEvents(b.database.sqlite);
    expect(rollups).toEqual(fromEvents);
  });
});

describe('Settings › Features: every change re-derives and can be undone', () => {
  it('merge, move an event name, rename and flag; undo each', async () => {
    const { b } = await load('salesforce-accounts.csv', 'mixpanel-events.csv');
    const catalogue = async () => (await features(b)).map((f) => [f.name, f.isKey, f.events, f.merged]);
    const start = await catalogue();
    await call(b, 'features.update', { id: await idOf(b, 'Dashboards'), isKey: true });
    // Merging "Viewed Dashboard" into Dashboards: its 2 events (u-1 at Northwind, u-9 at Contoso) count as Dashboards.
    const merged = await call<CatalogueChange>(b, 'features.merge', { id: await idOf(b, 'Viewed Dashboard'), into: await idOf(b, 'Dashboards') });
    expect(merged).toMatchObject({ movedEvents: 2, accounts: 2, rescored: 3, feature: { name: 'Dashboards', events: ['Viewed Dashboard'], merged: ['Viewed Dashboard'] } });
    expect((await metrics(b, 2)).breadthDetail.used).toEqual(['Dashboards']);
    // A file that still says the old name lands on the feature it became.
    const moved = await call<CatalogueChange>(b, 'features.assignEvent', { event: 'Shared Dashboard', featureId: await idOf(b, 'Dashboards') });
    expect(moved.movedEvents).toBe(1);
    expect((await metrics(b, 1)).featureAdoption.Dashboards).toBeCloseTo(2 / 3, 10);
    const pattern = await call<CatalogueChange>(b, 'features.assignEvent', { event: 'exported *', featureId: await idOf(b, 'Report export') });
    expect(pattern.movedEvents).toBe(2);
    const renamed = await call<CatalogueChange>(b, 'features.update', { id: await idOf(b, 'Report export'), name: 'Reporting' });
    expect(renamed.feature?.events).toEqual(['exported *']);
    expect((await failure(b, 'features.update', { id: await idOf(b, 'Reporting'), name: 'dashboards' })).code).toBe('conflict');
    const { rollups, fromEvents } = rollupsAndEvents(b.database.sqlite);
    expect(rollups).toEqual(fromEvents);
    // Undo, newest first, back to the start.
    for (const change of [renamed, pattern, moved, merged]) await call(b, 'undo.apply', { token: change.undo.token });
    await call(b, 'features.update', { id: await idOf(b, 'Dashboards'), isKey: false });
    expect(await catalogue()).toEqual(start);
    const after = rollupsAndEvents(b.database.sqlite);
    expect(after.rollups).toEqual(after.fromEvents);
  });
});

describe('entitlements', () => {
  it('an entitlements file adds the features an account pays for; unknown accounts are rejected by line', async () => {
    const { b } = await load('salesforce-accounts.csv', 'mixpanel-events.csv', 'features.csv');
    const fs = await import('node:fs');
    const file = path.join(backend?.dataDir ?? '', 'entitlements.csv');
    fs.writeFileSync(file, 'Account ID,Feature,Paid\n0015g00000FaBrAAAZ,Report export,yes\n001UNKNOWN,Dashboards,yes\n');
    const job = (await runJob(b, { path: file, timeZone: 'UTC', kind: 'entitlements' })).summary;
    expect(job).toMatchObject({ status: 'imported_with_rejections', rowsAccepted: 1 });
    expect(job.rejected).toEqual([{ line: 3, code: 'unknown_account', reason: expect.stringContaining('001UNKNOWN') }]);
    // Fabrikam had no entitlements (every feature, the catalogue's paid ones paid for); now Report export only.
    const risk = (await recommendations(b, 3)).find((r) => r.kind === 'downgrade_risk');
    expect(risk?.features.map((f) => f.name)).toEqual(['Report export']);
  });
});

describe('a file with both a feature column and an event-name column', () => {
  it('the feature column is the feature; the event name is kept with the event and taught to the catalogue', async () => {
    const { b } = await load('salesforce-accounts.csv', 'features.csv');
    const fs = await import('node:fs');
    const file = path.join(backend?.dataDir ?? '', 'pendo-features.csv');
    fs.writeFileSync(
      file,
      'Visitor ID,Account ID,Track Event Name,Feature Name,Timestamp\n' +
        'v-1,0015g00000NwTrAAAZ,Clicked Export Button,Report export,2026-11-20T09:00:00Z\n' +
        // The catalogue says Viewed Dashboard is Dashboards; this file says Alerts for this one row: the file wins.
        'v-2,0015g00000NwTrAAAZ,Viewed Dashboard,Alerts,2026-11-20T10:00:00Z\n' +
        'v-3,0015g00000NwTrAAAZ,Viewed Dashboard,,2026-11-20T11:00:00Z\n',
    );
    const job = (await runJob(b, { path: file, timeZone: 'UTC' })).summary;
    expect(job).toMatchObject({ kind: 'events', rowsAccepted: 3 });
    const stored = b.database.sqlite
      .prepare(
        `SELECT n.name AS event, f.name AS feature, p.name AS pinned FROM usage_events e JOIN event_names n ON n.id = e.event_id
         JOIN features f ON f.id = e.feature_id LEFT JOIN features p ON p.id = e.pinned_feature_id ORDER BY e.ts`,
      )
      .all();
    expect(stored).toEqual([
      { event: 'Clicked Export Button', feature: 'Report export', pinned: null },
      { event: 'Viewed Dashboard', feature: 'Alerts', pinned: 'Alerts' },
      { event: 'Viewed Dashboard', feature: 'Dashboards', pinned: null },
    ]);
    expect((await features(b)).find((f) => f.name === 'Report export')?.events).toEqual(['Exported *', 'Clicked Export Button']);
    // A merge of Alerts into Dashboards carries the pinned row with it; undone, it is back on Alerts.
    const merge = await call<CatalogueChange>(b, 'features.merge', { id: await idOf(b, 'Alerts'), into: await idOf(b, 'Dashboards') });
    expect(merge.movedEvents).toBe(1);
    await call(b, 'undo.apply', { token: merge.undo.token });
    const back = b.database.sqlite.prepare('SELECT f.name FROM usage_events e JOIN features f ON f.id = e.feature_id ORDER BY e.ts').pluck().all();
    expect(back).toEqual(['Report export', 'Alerts', 'Dashboards']);
  });
});
