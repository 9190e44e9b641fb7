// E-mail campaign recipients as HubSpot and Marketo export them (tests/fixtures/campaigns): recognised as
// campaigns (never usage), each contact a campaign touchpoint on their account found by e-mail (never by name),
// rejected by line with a reason, idempotent, a later click an update that undo takes back, and feeding the
// campaign response rate. Expected numbers are worked out by hand from the fixtures (see each case) or plain SQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { detectShape } from '../../src/main/import/shapes';
import { sniffFile } from '../../src/main/import/sniff';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const DIR = path.resolve(import.meta.dirname, '../fixtures/campaigns');
const BOOK = path.resolve(import.meta.dirname, '../fixtures/relationship');
const HUBSPOT = path.join(DIR, 'hubspot-email-recipients.csv');
const HUBSPOT_LATER = path.join(DIR, 'hubspot-email-recipients-later.csv');
const MARKETO = path.join(DIR, 'marketo-program-members.csv');
const NOW = new Date('2026-12-05T12:00:00Z');

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

/** Four HubSpot companies and six contacts, two named Chris Miller (Contoso, Fabrikam). */
async function bookBackend(): Promise<Backend & { dataDir: string }> {
  const b = tempBackend({ now: () => NOW });
  for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) {
    expect((await runJob(b, { path: path.join(BOOK, name), timeZone: 'UTC' })).summary.status).toBe('imported');
  }
  return b;
}

const accountId = (b: Backend, name: string) => (b.database.sqlite.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;

/** Per account name: [campaign touchpoints, responded], by plain SQL over the table. */
function perAccount(b: Backend): Record<string, [number, number]> {
  const rows = b.database.sqlite
    .prepare('SELECT a.name, count(*) AS n, sum(c.responded) AS r FROM campaign_touchpoints c JOIN accounts a ON a.id = c.account_id GROUP BY a.name ORDER BY a.name')
    .all() as { name: string; n: number; r: number }[];
  return Object.fromEntries(rows.map((r) => [r.name, [r.n, r.r]]));
}

describe('campaign exports', () => {
  it.each([
    ['hubspot-email-recipients.csv', 'hubspot'],
    ['marketo-program-members.csv', 'marketo'],
  ])('%s is campaigns from %s, never usage', async (name, source) => {
    const s = await sniffFile(path.join(DIR, name));
    const guess = detectShape(s.headers, s.sampleRows.map((r) => r.fields), { delimiter: s.delimiter });
    expect(guess).toMatchObject({ kind: 'campaigns', source, recognised: true });
    for (const usage of ['events', 'daily_usage', 'weekly_usage', 'usage_summary']) {
      expect(guess.ranking.find((r) => r.kind === usage)!.score).toBeLessThan(guess.ranking[0].score - 4);
    }
  });

  it('HubSpot: each contact is a touchpoint at the account of their e-mail; the two Chris Millers stay apart; rejects by line', async () => {
    backend = await bookBackend();
    const { summary } = await runJob(backend, { path: HUBSPOT, timeZone: 'UTC' });
    // 10 data lines: 7 (gmail Chris Miller: public domain), 8 (wingtippartners.com: nobody there), 11 (no e-mail).
    expect(summary).toMatchObject({ kind: 'campaigns', source: 'hubspot', rowsAccepted: 7 });
    expect(summary.rejected.map((r) => [r.line, r.code])).toEqual([[7, 'unknown_account'], [8, 'unknown_account'], [11, 'missing_value']]);
    expect(summary.rejected[0].reason).toMatch(/gmail\.com is a public mail provider/);
    expect(summary.rejected[1].reason).toMatch(/wingtippartners\.com/);
    // new.hire@ is nobody in the book; Northwind is the one account with people at northwindtraders.com.
    expect(summary.warnings).toEqual([expect.objectContaining({ line: 10, code: 'matched_by_domain', message: expect.stringContaining('Northwind Traders') })]);
    expect(backend.database.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(0);
    // responded = clicked or replied. Contoso: Chris clicked. Fabrikam: Chris opened only, Ines replied. Northwind:
    // Aiko opened, Rafael nothing, the new hire clicked. Tailspin: Megan bounced.
    expect(perAccount(backend)).toEqual({ 'Contoso Ltd': [1, 1], 'Fabrikam, Inc.': [2, 1], 'Northwind Traders': [3, 1], 'Tailspin Toys': [1, 0] });
    const chris = backend.database.sqlite
      .prepare("SELECT a.name FROM campaign_touchpoints c JOIN accounts a ON a.id = c.account_id WHERE c.email IN ('chris.miller@contoso.com', 'cmiller@fabrikam.com') ORDER BY c.email")
      .pluck().all();
    expect(chris).toEqual(['Contoso Ltd', 'Fabrikam, Inc.']);
  });

  it('Marketo: the status says how far each member went; a missing date is rejected by line', async () => {
    backend = await bookBackend();
    const { summary } = await runJob(backend, { path: MARKETO, timeZone: 'UTC' });
    expect(summary).toMatchObject({ kind: 'campaigns', source: 'marketo', rowsAccepted: 4 });
    expect(summary.rejected.map((r) => [r.line, r.code])).toEqual([[6, 'unknown_account'], [7, 'missing_value']]);
    // Clicked (Aiko) responded; Opened, Delivered, Sent did not.
    expect(perAccount(backend)).toEqual({ 'Contoso Ltd': [1, 0], 'Fabrikam, Inc.': [1, 0], 'Northwind Traders': [1, 1], 'Tailspin Toys': [1, 0] });
    expect(backend.database.sqlite.prepare("SELECT date FROM campaign_touchpoints WHERE email = 'aiko.tanaka@northwindtraders.com'").pluck().get()).toBe('2026-11-04');
  });

  it('feeds the campaign response rate; a re-import is duplicates; a later click updates; undo takes each back', async () => {
    backend = await bookBackend();
    const northwind = accountId(backend, 'Northwind Traders');
    const rate = async () => (await call<{ responseRates: { lastYear: { invited: number; responded: number; rate: number | null } } }>(backend!, 'metrics.account', { id: northwind })).responseRates.lastYear;
    const first = await runJob(backend, { path: HUBSPOT, timeZone: 'UTC' });
    await runJob(backend, { path: MARKETO, timeZone: 'UTC' });
    // Northwind: HubSpot 3 (new hire responded) + Marketo 1 (Aiko clicked) = 2 of 4.
    expect(await rate()).toMatchObject({ invited: 4, responded: 2, rate: 0.5 });

    const again = await runJob(backend, { path: HUBSPOT, timeZone: 'UTC' });
    expect(again.summary).toMatchObject({ rowsAccepted: 0, counts: { duplicates: 7, rejected: 3 } });
    expect(await rate()).toMatchObject({ invited: 4, responded: 2 });

    // The later export: Aiko has since clicked the HubSpot e-mail. 3 of 4.
    const later = await runJob(backend, { path: HUBSPOT_LATER, timeZone: 'UTC' });
    expect(later.summary).toMatchObject({ rowsAccepted: 1, counts: { duplicates: 6 } });
    expect(await rate()).toMatchObject({ invited: 4, responded: 3, rate: 0.75 });

    await call(backend, 'imports.undo', { id: later.summary.importId });
    expect(await rate()).toMatchObject({ invited: 4, responded: 2 });
    expect(backend.database.sqlite.prepare("SELECT clicked FROM campaign_touchpoints WHERE source = 'hubspot' AND email = 'aiko.tanaka@northwindtraders.com'").pluck().get()).toBe(0);
    await call(backend, 'imports.undo', { id: first.summary.importId });
    // Only Marketo's Aiko is left at Northwind.
    expect(await rate()).toMatchObject({ invited: 1, responded: 1 });
    expect(backend.database.sqlite.prepare("SELECT count(*) FROM campaign_touchpoints WHERE source = 'hubspot'").pluck().get()).toBe(0);
  });

  it('the promoted feature: named in the campaign name, or by a column; campaign uplift counts one launch per campaign', async () => {
    backend = await bookBackend();
    // The catalogue is set up for this case: a "Dashboards" feature and a "Workflow Automation" feature.
    backend.database.sqlite.prepare("INSERT INTO features (key, name) VALUES ('dashboards', 'Dashboards'), ('workflow_automation', 'Workflow Automation')").run();
    await runJob(backend, { path: HUBSPOT, timeZone: 'UTC' });
    await runJob(backend, { path: MARKETO, timeZone: 'UTC' });
    const features = backend.database.sqlite
      .prepare('SELECT c.source, f.name, count(*) AS n FROM campaign_touchpoints c LEFT JOIN features f ON f.id = c.feature_id GROUP BY c.source, f.name ORDER BY c.source')
      .all();
    expect(features).toEqual([{ source: 'hubspot', name: 'Dashboards', n: 7 }, { source: 'marketo', name: 'Workflow Automation', n: 4 }]);
    const metrics = await call<{ campaignUplift: { title: string; feature: string | null }[] }>(backend, 'metrics.account', { id: accountId(backend, 'Northwind Traders') });
    // Northwind got the HubSpot e-mail three times (three contacts) and the Marketo one once: two launches.
    expect(metrics.campaignUplift.map((c) => [c.title, c.feature])).toEqual([
      ['Q4 Dashboards launch', 'Dashboards'],
      ['2026-11 Webinar Invite - Workflow Automation', 'Workflow Automation'],
    ]);
  });
});

describe('a generic campaign file with a promoted feature column', () => {
  it('maps the feature by its name, warns when the catalogue has none, and rejects an action that is no yes/no', async () => {
    backend = await bookBackend();
    backend.database.sqlite.prepare("INSERT INTO features (key, name) VALUES ('dashboards', 'Dashboards')").run();
    const { summary } = await runJob(backend, { path: path.join(DIR, 'generic-campaign-with-feature.csv'), timeZone: 'UTC' });
    // Line 2: Dashboards is in the catalogue. Line 3: a click count of 2 is a click; "Scheduled Exports" is no
    // feature (warned). Line 4: "maybe" is no answer to Opened.
    expect(summary).toMatchObject({ kind: 'campaigns', rowsAccepted: 2 });
    expect(summary.rejected.map((r) => [r.line, r.code])).toEqual([[4, 'not_a_number']]);
    expect(summary.rejected[0].reason).toMatch(/"Opened" is "maybe"/);
    expect(summary.warnings).toEqual([expect.objectContaining({ line: 3, code: 'feature_not_in_catalogue', message: expect.stringContaining('Scheduled Exports') })]);
    const rows = backend.database.sqlite
      .prepare('SELECT c.email, c.date, c.responded, f.name AS feature FROM campaign_touchpoints c LEFT JOIN features f ON f.id = c.feature_id ORDER BY c.email')
      .all();
    expect(rows).toEqual([
      { email: 'cmiller@fabrikam.com', date: '2026-11-05', responded: 1, feature: null },
      { email: 'megan.brooks@tailspintoys.com', date: '2026-11-05', responded: 0, feature: 'Dashboards' },
    ]);
  });
});
