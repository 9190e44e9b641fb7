// A small book built only from vendor-shaped exports (tests/fixtures/adoption: a Salesforce account report, a
// features file and a Mixpanel event export), plus what no importer takes yet, entered through the services as the
// screens do: milestones, a QBR, support cases, a campaign and renewal outcomes. Issue #12, point 5 counts on it;
// every figure the tests expect is counted by hand in tests/unit/adoption-card.test.ts.
import path from 'node:path';
import type { Backend } from '../../src/main/app/backend';
import { recordRenewalOutcome } from '../../src/main/services/renewal';
import type { Feature, MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { runJob } from './import-jobs';

export const ADOPTION_BOOK = path.resolve(__dirname, '../fixtures/adoption');
/** The as-of day of every expectation: the last day of the Mixpanel export's month. */
export const ADOPTION_TODAY = '2026-11-30';
export const ADOPTION_NOW = new Date(`${ADOPTION_TODAY}T12:00:00Z`);

async function invoke<K extends MethodName>(b: Backend, method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const result = await b.api.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<K>;
}

/** Imports the three files (features first, so "Opened App" stays a feature of its own, not key) and logs the rest. */
export async function buildAdoptionBook(b: Backend): Promise<Record<'aurora' | 'birch' | 'cedar' | 'dune', number>> {
  for (const file of ['features.csv', 'salesforce-accounts.csv', 'mixpanel-events.csv']) {
    const { summary } = await runJob(b, { path: path.join(ADOPTION_BOOK, file), timeZone: 'UTC' });
    if (summary.status !== 'imported') throw new Error(`${file}: ${summary.status}`);
  }
  const { items } = await invoke(b, 'accounts.list', {});
  const idOf = (name: string) => {
    const found = items.find((a) => a.name === name);
    if (!found) throw new Error(`no account ${name}`);
    return found.id;
  };
  const ids = { aurora: idOf('Aurora Labs'), birch: idOf('Birch Co'), cedar: idOf('Cedar Inc'), dune: idOf('Dune GmbH') };
  const dashboards = ((await invoke(b, 'features.list', {})) as Feature[]).find((f) => f.name === 'Dashboards');

  await invoke(b, 'milestones.create', { accountId: ids.aurora, kind: 'onboarding_complete', targetDate: '2026-09-02', achievedDate: '2026-08-25' });
  await invoke(b, 'qbrs.create', { accountId: ids.aurora, date: '2026-10-20', attendees: [] });
  await invoke(b, 'touchpoints.create', {
    accountId: ids.aurora,
    kind: 'campaign',
    date: '2026-10-15',
    title: 'Dashboards webinar',
    featureKey: dashboards?.key ?? null,
  });
  await invoke(b, 'milestones.create', { accountId: ids.birch, kind: 'kickoff', targetDate: '2026-11-09' });
  for (const date of ['2026-11-03', '2026-11-05', '2026-11-10', '2026-11-20']) {
    await invoke(b, 'touchpoints.create', { accountId: ids.birch, kind: 'support_case', date, title: `Case of ${date}`, caseStatus: 'open' });
  }
  await invoke(b, 'milestones.create', { accountId: ids.cedar, kind: 'onboarding_complete', targetDate: '2025-12-01', achievedDate: '2025-12-20' });
  // A pending renewal says nothing about how it ended; Dune's renewal was decided.
  recordRenewalOutcome(b.context, { accountId: ids.cedar, renewalDate: '2026-11-01', outcome: 'pending', arrMinor: null });
  recordRenewalOutcome(b.context, { accountId: ids.dune, renewalDate: '2026-11-15', outcome: 'renewed', arrMinor: 2_500_000 });
  return ids;
}
