import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api/api';
import { createHandlers } from '../../src/main/api/handlers';
import type { Backend } from '../../src/main/app/backend';
import type { Handlers } from '../../src/main/services/context';
import { isoDate, isoDateTime } from '../../src/shared/contract/define';
import { isCalendarDate } from '../../src/shared/dates';
import { call, failure, tempBackend } from '../helpers/backend';

// Issue #13, point 2: every date input is a real calendar date, and no write is committed when its answer fails
// validation. Before, milestones.create with 2026-13-45 answered an error but kept the row, and every later
// milestones.list of that account failed on it.
let backend: Backend | undefined;
afterEach(() => backend?.close());

function book(): Backend {
  backend = tempBackend();
  backend.database.sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO accounts (id, name, licenses, contract_start, renewal_date) VALUES (1, 'Acme', 10, '2026-09-01', '2027-09-01');
  `);
  return backend;
}

const count = (b: Backend, table: string) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a calendar date', () => {
  it('is a day the calendar has', () => {
    for (const day of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '0001-01-01']) {
      expect(isCalendarDate(day), day).toBe(true);
    }
    for (const day of ['2026-02-31', '2026-13-45', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-1-1', '2026-01-01T00:00', ' 2026-01-01', '20260101']) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });

  it('is refused with a message naming the field and the value', () => {
    const r = isoDate.safeParse('2026-02-31');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['2026-02-31 is not a date on the calendar: the month must be 01–12 and the day one that month has']);
    expect(isoDate.safeParse('31/02/2026').error?.issues.map((i) => i.message)).toEqual(['"31/02/2026" is not a date: write it as YYYY-MM-DD']);
  });
});

describe('date inputs through the API', () => {
  it('refuses 2026-13-45 and 2026-02-31 on milestones.create, stores nothing, and the list still reads', async () => {
    const b = book();
    for (const targetDate of ['2026-13-45', '2026-02-31']) {
      const error = await failure(b, 'milestones.create', { accountId: 1, kind: 'basic_value', targetDate });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe(
        `Invalid input for milestones.create: targetDate: ${targetDate} is not a date on the calendar: the month must be 01–12 and the day one that month has`,
      );
    }
    expect(count(b, 'milestones')).toBe(0);
    const list = await call<{ items: unknown[] }>(b, 'milestones.list', { accountId: 1 });
    expect(list.items).toEqual([]);
  });

  it('refuses a date that does not exist in every kind of date field', async () => {
    const b = book();
    const cases: [string, object][] = [
      ['milestones.create', { accountId: 1, kind: 'kickoff', achievedDate: '2026-02-30' }],
      ['qbrs.create', { accountId: 1, date: '2026-02-30', attendees: [], goalsReviewed: null, outcomes: null, customerResponse: 'positive' }],
      ['touchpoints.create', { accountId: 1, kind: 'call', date: '2026-06-31', title: 'Call' }],
      ['surveys.create', { accountId: 1, kind: 'nps', score: 9, date: '2026-09-31' }],
      ['renewal.record', { id: 1, outcome: 'renewed', date: '2026-11-31' }],
      ['metrics.account', { id: 1, asOf: '2026-13-01' }],
      ['health.list', { asOf: '2026-02-29' }],
      ['portfolio.overview', { asOf: '2026-00-10' }],
      ['milestones.list', { accountId: 1, asOf: '2026-04-31' }],
    ];
    for (const [method, input] of cases) {
      const error = await failure(b, method, input);
      expect(error.code, method).toBe('invalid_input');
      expect(error.message, method).toMatch(/is not a date on the calendar/);
    }
    for (const table of ['milestones', 'qbrs', 'touchpoints', 'surveys', 'renewals']) expect(count(b, table), table).toBe(0);
  });
});

describe('a write whose answer fails validation', () => {
  function apiWith(b: Backend, replace: (handlers: Handlers) => Partial<Handlers>) {
    const events: unknown[] = [];
    const api = createApi(
      (emit) => ({ ...b.context, emit }),
      (ctx) => {
        const handlers = createHandlers(ctx);
        return { ...handlers, ...replace(handlers) };
      },
    );
    api.subscribe((event, payload) => events.push({ event, payload }));
    return { api, events };
  }

  it('is rolled back: the milestone and its health refresh are not kept, and no change is announced', async () => {
    const b = book();
    const snapshotsBefore = count(b, 'health_snapshots');
    const { api, events } = apiWith(b, (h) => ({
      // A service that stores a row and then answers with a date no reader could parse.
      'milestones.create': (input) => {
        const saved = h['milestones.create'](input);
        if (saved instanceof Promise) throw new Error('milestones.create is synchronous');
        return { ...saved, targetDate: '2026-13-45' };
      },
    }));
    const result = await api.invoke('milestones.create', { accountId: 1, kind: 'basic_value', targetDate: '2026-12-01' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_output',
        message: 'milestones.create produced an invalid answer: targetDate: 2026-13-45 is not a date on the calendar: the month must be 01–12 and the day one that month has',
      },
    });
    expect(count(b, 'milestones')).toBe(0);
    expect(count(b, 'health_snapshots')).toBe(snapshotsBefore);
    expect(events).toEqual([]);
    expect((await api.invoke('milestones.list', { accountId: 1 })).ok).toBe(true);
    // The same call with the real service is kept and announced.
    expect((await b.api.invoke('milestones.create', { accountId: 1, kind: 'basic_value', targetDate: '2026-12-01' })).ok).toBe(true);
    expect(count(b, 'milestones')).toBe(1);
  });

  it('is rolled back when the service fails unexpectedly after writing', async () => {
    const b = book();
    const { api } = apiWith(b, (h) => ({
      'touchpoints.create': (input) => {
        void h['touchpoints.create'](input);
        throw new TypeError('disk on fire');
      },
    }));
    const result = await api.invoke('touchpoints.create', { accountId: 1, kind: 'call', date: '2026-11-20', title: 'Call' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(count(b, 'touchpoints')).toBe(0);
  });
});

describe('a date-time', () => {
  it('is an ISO instant on a date that exists', () => {
    expect(isoDateTime.safeParse('2025-03-04T09:00:00.000Z').success).toBe(true);
    expect(isoDateTime.safeParse(new Date(Date.UTC(2024, 1, 29, 23, 59)).toISOString()).success).toBe(true);
    expect(isoDateTime.safeParse('2025-02-31T09:00:00.000Z').success).toBe(false);
    expect(isoDateTime.safeParse('2025-03-04 09:00').success).toBe(false);
  });
});
