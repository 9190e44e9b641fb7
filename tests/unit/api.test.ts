import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodInput, type MethodName } from '../../src/shared/contract';
import type { Backend } from '../../src/main/app/backend';
import { createApi } from '../../src/main/api/api';
import { createHandlers } from '../../src/main/api/handlers';
import type { Handlers } from '../../src/main/services/context';
import { ok, tempBackend } from '../helpers/backend';

let backend: Backend | undefined;
afterEach(() => backend?.close());

function insertAccount(b: Backend, values: Record<string, unknown>) {
  const cols = Object.keys(values);
  b.database.sqlite
    .prepare(`INSERT INTO accounts (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`)
    .run(values);
}

describe('the API contract', () => {
  it('has a handler for every method and nothing else', () => {
    backend = tempBackend();
    expect(Object.keys(createHandlers(backend.context)).sort()).toEqual([...methodNames].sort());
  });


  it('rejects unknown methods and malformed input with a code, never a throw', async () => {
    backend = tempBackend();
    expect(await backend.api.invoke('accounts.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await backend.api.invoke('accounts.get', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.list', { asOf: '24/11/2026' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists accounts with the journey stage computed from contract dates, and the override shown as such', async () => {
    backend = tempBackend();
    insertAccount(backend, { name: 'New Co', arr_minor: 1_200_000, licenses: 10, contract_start: '2026-11-10', renewal_date: '2027-11-10' });
    insertAccount(backend, { name: 'Mid Co', arr_minor: 5_000_000, licenses: 50, contract_start: '2026-03-01', renewal_date: '2027-03-01' });
    insertAccount(backend, { name: 'Late Co', arr_minor: 9_900_000, currency: 'EUR', licenses: 90, contract_start: '2025-12-20', renewal_date: '2026-12-20' });
    const list = await ok<{ items: { name: string; stage: string; arr: number; currency: string; stageOverridden: boolean; id: number }[] }>(
      backend.api.invoke('accounts.list', { asOf: '2026-11-24' }),
    );
    expect(list.items.map((a) => [a.name, a.stage, a.arr, a.currency])).toEqual([
      ['Late Co', 'renewal', 99_000, 'EUR'],
      ['Mid Co', 'adoption', 50_000, 'USD'],
      ['New Co', 'onboarding', 12_000, 'USD'],
    ]);
    const mid = list.items.find((a) => a.name === 'Mid Co')!;
    const overridden = await ok<{ stage: string; stageOverridden: boolean }>(
      backend.api.invoke('accounts.setStageOverride', { id: mid.id, stage: 'renewal' }),
    );
    expect(overridden).toMatchObject({ stage: 'renewal', stageOverridden: true });
  });

  it('tells subscribers which tables a write changed', async () => {
    backend = tempBackend();
    insertAccount(backend, { name: 'Evented Inc' });
    const seen: unknown[] = [];
    const unsubscribe = backend.api.subscribe((event, payload) => seen.push([event, payload]));
    await backend.api.invoke('accounts.list', {});
    expect(seen).toEqual([]);
    await backend.api.invoke('accounts.setStageOverride', { id: 1, stage: 'adoption' });
    expect(seen).toEqual([['changed', { tables: ['accounts'] }]]);
    unsubscribe();
  });
});

/**
 * One valid input per method. Typed against the contract, so a method added without an example fails the typecheck;
 * each example fills every field the method takes (checked below), so that the wrong-type check reaches them all.
 */
/** A file handle's shape (what main mints for a file the CSM chose: files.ts); never a path. */
const CHOSEN = 'fh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const validInputs: { [K in MethodName]: MethodInput<K> } = {
  'app.info': {},
  'app.status': {},
  'app.recover': { file: 'backup-2026-11-24T10-00-00-000Z.sqlite' },
  'demo.load': {},
  'demo.remove': {},
  'accounts.list': { search: 'acme', stage: 'adoption', asOf: '2026-11-24' },
  'accounts.get': { id: 1, asOf: '2026-11-24' },
  'accounts.resolve': { ref: '0015g00000AbCdEAAZ' },
  'accounts.setStageOverride': { id: 1, stage: 'renewal' },
  'health.list': { asOf: '2026-11-24', explain: true },
  'health.account': { id: 1, asOf: '2026-11-24' },
  'health.refresh': { accountIds: [1, 2], fromDate: '2026-01-01' },
  'health.settings.get': {},
  'health.settings.preview': { settings: { weights: { usage: 90 } }, asOf: '2026-11-24' },
  'health.settings.set': { settings: { weights: { usage: 90 } } },
  'metrics.account': { id: 1, asOf: '2026-11-24' },
  'story.account': { id: 1, asOf: '2026-11-24', audience: 'customer' },
  'stakeholders.list': { accountId: 1, asOf: '2026-11-24' },
  'stakeholders.set': { userId: 1, flag: 'champion' },
  'metrics.portfolio': { asOf: '2026-11-24' },
  'recommendations.account': { id: 1, asOf: '2026-11-24' },
  'benchmarks.account': { id: 1, asOf: '2026-11-24' },
  'renewal.likelihood': { asOf: '2026-11-24', id: 1 },
  'renewal.record': { id: 1, outcome: 'churned', date: '2026-11-20', arr: 0, reason: 'budget', note: 'Cut their tooling budget' },
  'renewal.history': { id: 1, asOf: '2026-11-24' },
  'import.inspect': { file: CHOSEN, kind: 'events', mapping: { accountId: 'Account ID', userId: null }, timeZone: 'UTC' },
  'import.start': { file: CHOSEN, kind: 'events', mapping: { accountId: 'Account ID' }, timeZone: 'UTC', onlyBookAccounts: true, eventFeatures: { 'Viewed Dashboard': 'Dashboards' } },
  'import.discard': { file: CHOSEN },
  'import.cancel': { jobId: 'job-1' },
  'import.jobs': {},
  'imports.list': {},
  'imports.get': { id: 1 },
  'imports.rejectsCsv': { id: 1 },
  'imports.undo': { id: 1 },
  'imports.removeAccounts': { importId: 1, accountIds: [2] },
  'watch.list': {},
  'watch.add': { folder: CHOSEN },
  'watch.remove': { id: 1 },
  'portfolio.overview': { asOf: '2026-11-24', trendDays: 30 },
  'views.list': {},
  'views.save': { id: 1, name: 'At risk', filters: { statuses: ['red'] }, sort: { column: 'health', direction: 'asc' } },
  'views.delete': { id: 1 },
  'milestones.list': { accountId: 1, asOf: '2026-11-24' },
  'milestones.create': { accountId: 1, kind: 'custom', name: 'Pilot go-live', targetDate: '2027-01-15', achievedDate: '2027-01-20', notes: 'EU first' },
  'milestones.update': { id: 1, kind: 'custom', name: 'Pilot go-live', targetDate: '2027-01-15', achievedDate: '2027-01-20', notes: 'EU first' },
  'milestones.complete': { id: 1, achievedDate: '2026-11-24' },
  'milestones.delete': { id: 1 },
  'qbrs.list': { accountId: 1, asOf: '2026-11-24' },
  'qbrs.create': {
    accountId: 1,
    date: '2026-11-24',
    attendees: ['Dana Sponsor'],
    goalsReviewed: 'Dashboards',
    outcomes: 'A pilot',
    customerResponse: 'positive',
    actionItems: [{ text: 'Send the proposal' }],
    carryOver: false,
  },
  'qbrs.update': { id: 1, date: '2026-11-24', attendees: ['Dana Sponsor'], goalsReviewed: 'Dashboards', outcomes: 'A pilot', customerResponse: 'neutral' },
  'qbrs.delete': { id: 1 },
  'qbrs.actionItem.create': { qbrId: 1, text: 'Book the training', owner: 'Li Admin', dueDate: '2026-12-24', status: 'open' },
  'qbrs.actionItem.update': { id: 1, status: 'done', owner: 'Li Admin', dueDate: '2026-12-24', text: 'Book the training' },
  'qbrs.actionItem.delete': { id: 1 },
  'qbrs.nextSuggestion': { accountId: 1, asOf: '2026-11-24' },
  'touchpoints.list': { accountId: 1, kinds: ['call', 'nps'], limit: 50, asOf: '2026-11-24' },
  'touchpoints.create': {
    accountId: 1,
    kind: 'support_case',
    date: '2026-11-20',
    title: 'Login fails',
    notes: 'SSO',
    caseStatus: 'closed',
    closedDate: '2026-11-21',
    resolved: true,
    withinSla: true,
    featureKey: 'sso',
    responded: false,
  },
  'touchpoints.update': {
    id: 1,
    kind: 'campaign',
    date: '2026-11-20',
    title: 'Dashboards webinar',
    notes: 'Invited the finance team',
    caseStatus: null,
    closedDate: null,
    resolved: null,
    withinSla: null,
    featureKey: 'dashboards',
    responded: true,
  },
  'touchpoints.delete': { id: 1 },
  'surveys.create': { accountId: 1, kind: 'nps', score: 9, date: '2026-11-20', userEmail: 'dana@acme.example' },
  'surveys.delete': { id: 1 },
  'settings.get': {},
  'settings.update': {
    timeZone: 'Europe/Berlin',
    qbrCadenceDays: 90,
    stageLengths: { onboardingDays: 30, renewalDays: 90 },
    onlyBookAccounts: true,
    onboardingTemplate: {
      enabled: true,
      offsets: { kickoff: 7, first_key_action: 14, onboarding_complete: 30, basic_value: 45, exceeded_value: 90 },
      onboardedSharePercent: 50,
    },
  },
  'features.update': { id: 1, isKey: true, isPaid: false, name: 'Dashboards' },
  'features.list': {},
  'features.eventNames': {},
  'features.create': { name: 'Dashboards', isKey: true, isPaid: false },
  'features.merge': { id: 1, into: 2 },
  'features.assignEvent': { event: 'Viewed *', featureId: 1 },
  'features.removeEvent': { event: 'Viewed *' },
  'backup.create': {},
  'backup.restore': { file: 'backup-2026-11-24.sqlite' },
  'undo.apply': { token: 'abc123' },
  'usage.series': { id: 1, days: 30, asOf: '2026-11-24' },
  'deck.build': { accountId: 1, quarter: '2026Q3', format: 'pdf', summary: 'Usage is up and the renewal is on track.' },
  'deck.quarters': { accountId: 1 },
  'deck.settings.get': {},
  'deck.settings.set': { companyName: 'Northwind', csmName: 'Jane Doe', csmTitle: 'Customer Success Manager', color: '#0b7285', logo: CHOSEN },
  'search.notes': { query: 'renewal budget', limit: 10 },
  'tasks.list': { due: 'week', accountId: 1, status: 'open' },
  'tasks.reconcile': {},
  'tasks.create': { accountId: 1, title: 'Send the ROI summary', due: '2026-12-01', priority: 'high', reason: 'Asked for at the call' },
  'tasks.update': { id: 't1', title: 'Send the ROI summary to Ana', due: '2026-12-02', priority: 'low' },
  'tasks.done': { id: 't1' },
  'tasks.snooze': { id: 't1', until: '2026-12-10' },
  'tasks.dismiss': { id: 't1', reason: 'Not needed any more' },
  'tasks.reopen': { id: 't1' },
  'reminders.get': {},
  'reminders.update': { enabled: true, time: '08:30' },
  'reminders.digest': {},
  'reminders.shown': { day: '2026-03-01' },
  'outreach.templates.get': {},
  'outreach.templates.set': { id: 'check_in', subject: 'Hello {{firstName}}', body: 'Hi {{firstName}},' },
  'outreach.templates.reset': { id: 'check_in' },
  'outreach.draft': { accountId: 1, template: 'feature_reminder', featureId: 1, userIds: [1], asOf: '2026-03-01' },
  'outreach.logSent': { accountId: 1, subject: 'Hello', body: 'Hi', to: ['a@example.com'], date: '2026-03-01' },
  'successPlan.get': { accountId: 1 },
  'successPlan.setHandoff': { accountId: 1, whyBought: 'Forecasts took days', buyer: 'CFO', users: 'Sales ops', complexity: 'high', complexityNote: 'SSO' },
  'successPlan.outcomes.create': {
    accountId: 1,
    title: 'Faster forecasts',
    kpiName: 'Forecast time',
    kpiUnit: 'hours',
    baseline: 16,
    target: 1,
    targetDate: '2027-03-31',
    status: 'on_track',
    milestoneIds: [1],
  },
  'successPlan.outcomes.update': {
    id: 1,
    title: 'Faster forecasts',
    kpiName: 'Forecast time',
    kpiUnit: 'hours',
    baseline: 16,
    target: 1,
    targetDate: '2027-03-31',
    status: 'at_risk',
    milestoneIds: [1],
  },
  'successPlan.outcomes.delete': { id: 1 },
  'successPlan.progress.record': { qbrId: 1, outcomeId: 1, value: 6, note: 'two regions live' },
};

/** A value of another type than `value`: a number where a number is expected is never right, and vice versa. */
function ofAnotherType(value: unknown): unknown {
  return typeof value === 'number' ? 'seven' : 7;
}

/**
 * The API core on a real context, with handlers that record their call and answer something no output schema
 * accepts: what reaches a handler, and what leaves the API, is then the API's validation alone.
 */
function apiWithWrongAnswers(b: Backend) {
  const called: string[] = [];
  const stubs = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        called.push(name);
        return { notTheAnswer: true };
      },
    ]),
  );
  // The cast is the point: these handlers break the output types on purpose, to prove the API checks them.
  const api = createApi(() => b.context, () => stubs as unknown as Handlers);
  return { api, called };
}

describe('every method of the contract', () => {
  it('accepts its valid example, runs the handler once, and refuses an answer its output schema does not describe', async () => {
    backend = tempBackend();
    const { api, called } = apiWithWrongAnswers(backend);
    for (const name of methodNames) {
      called.length = 0;
      const result = await api.invoke(name, validInputs[name]);
      expect(result, name).toEqual({ ok: false, error: { code: 'invalid_output', message: expect.stringContaining(`${name} produced an invalid answer`) } });
      expect(called, name).toEqual([name]);
    }
  });

  it('refuses, before the handler runs: a payload that is not an object, an unknown field, and each field of the wrong type', async () => {
    backend = tempBackend();
    const { api, called } = apiWithWrongAnswers(backend);
    const refused = { ok: false, error: { code: 'invalid_input', message: expect.any(String) } };
    for (const name of methodNames) {
      const valid: Record<string, unknown> = validInputs[name];
      expect(await api.invoke(name, 'not an object'), `${name} given a string`).toEqual(refused);
      expect(await api.invoke(name, [valid]), `${name} given an array`).toEqual(refused);
      expect(await api.invoke(name, { ...valid, unexpected: true }), `${name} given an unknown field`).toEqual(refused);
      for (const [field, value] of Object.entries(valid)) {
        const wrong = await api.invoke(name, { ...valid, [field]: ofAnotherType(value) });
        expect(wrong, `${name} given ${field}: ${JSON.stringify(ofAnotherType(value))}`).toEqual({
          ok: false,
          error: { code: 'invalid_input', message: expect.stringContaining(field) },
        });
      }
    }
    expect(called).toEqual([]);
  });

  it('has an example above that fills every field of its input, so the checks above reach each one', () => {
    for (const name of methodNames) {
      expect(Object.keys(validInputs[name]).sort(), name).toEqual(Object.keys(contract[name].input.shape).sort());
    }
  });
});
