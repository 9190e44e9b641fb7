import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import { lastDays, type TouchpointInfo } from '../../src/shared/metrics/inputs';
import {
  openSupportCases,
  qbrDaysSince,
  lastYearResponseRate,
  qbrOverdue,
  responseRates,
  satisfaction,
  supportCaseSuccessRate,
  touchpointTrend,
} from '../../src/shared/metrics/relationship';

const asOf = '2026-11-20';
const D = dayNumber(asOf);
const tp = (kind: TouchpointInfo['kind'], date: string, extra: Partial<TouchpointInfo> = {}): TouchpointInfo => ({
  kind,
  date,
  title: `${kind} ${date}`,
  caseStatus: null,
  closedDate: null,
  resolved: null,
  withinSla: null,
  featureId: null,
  responded: null,
  ...extra,
});

describe('relationship metrics', () => {
  it('QBR cadence: days since the last QBR on or before D; overdue after 90', () => {
    const qbrs = [{ date: '2026-05-01' }, { date: '2026-08-12' }, { date: '2026-12-01' }];
    expect(qbrDaysSince(qbrs, asOf)).toBe(100); // Aug 12 → Nov 20; the December QBR is after D
    expect(qbrOverdue(100, '2026-01-01', asOf, 90)).toBe(true);
    expect(qbrOverdue(90, '2026-01-01', asOf, 90)).toBe(false);
    expect(qbrDaysSince([], asOf)).toBeNull();
    expect(qbrOverdue(null, '2026-10-01', asOf, 90)).toBe(false); // young contract, no QBR yet
    expect(qbrOverdue(null, '2026-01-01', asOf, 90)).toBe(true);
    expect(qbrOverdue(null, null, asOf, 90)).toBeNull();
  });

  it('QBR and campaign response per quarter and over the last year', () => {
    const r = responseRates(
      [
        { date: '2026-02-01', customerResponse: 'positive' },
        { date: '2026-05-01', customerResponse: 'none' },
      ],
      [tp('campaign', '2026-02-15', { responded: false }), tp('campaign', '2026-05-10', { responded: true }), tp('call', '2026-05-11')],
      asOf,
    );
    expect(r.quarters).toEqual([
      { period: '2026-Q1', invited: 2, responded: 1, rate: 0.5 },
      { period: '2026-Q2', invited: 2, responded: 1, rate: 0.5 },
    ]);
    expect(r.lastYear).toMatchObject({ invited: 4, responded: 2, rate: 0.5 });
  });

  it('the last year\'s response alone is the last year of responseRates, on every day around the year\'s edges', () => {
    const qbrs = [
      { date: '2025-11-21', customerResponse: 'positive' as const },
      { date: '2025-11-22', customerResponse: 'none' as const },
      { date: '2026-06-01', customerResponse: 'negative' as const },
      { date: '2026-11-21', customerResponse: 'positive' as const },
    ];
    const touchpoints = [
      tp('campaign', '2025-11-20', { responded: true }),
      tp('campaign', '2026-03-03', { responded: false }),
      tp('campaign', '2026-11-20', { responded: true }),
      tp('call', '2026-05-11'),
    ];
    // Written out by hand for D = 2026-11-20: the year is 2025-11-21 … 2026-11-20; the QBR of 2026-11-21 is after D.
    expect(lastYearResponseRate(qbrs, touchpoints, asOf)).toEqual({ period: 'last 365 days', invited: 5, responded: 3, rate: 0.6 });
    for (let d = D - 400; d <= D + 5; d++) {
      const day = new Date(d * 86_400_000).toISOString().slice(0, 10);
      expect(lastYearResponseRate(qbrs, touchpoints, day), day).toEqual(responseRates(qbrs, touchpoints, day).lastYear);
    }
    expect(lastYearResponseRate([], [], asOf).rate).toBeNull();
  });

  it('support case success rate = resolved (within SLA where set) ÷ closed in P', () => {
    const closed = (date: string, resolved: boolean, withinSla: boolean | null) =>
      tp('support_case', '2026-10-01', { caseStatus: 'closed', closedDate: date, resolved, withinSla });
    const cases = [
      closed('2026-11-01', true, true), // success
      closed('2026-11-02', true, null), // success: no SLA set
      closed('2026-11-03', true, false), // resolved, but outside SLA
      closed('2026-11-04', false, null), // closed unresolved
      closed('2026-01-04', true, true), // closed outside P
      tp('support_case', '2026-11-10', { caseStatus: 'open' }),
    ];
    expect(supportCaseSuccessRate(cases, lastDays(D, 90))).toEqual({ closed: 4, succeeded: 2, rate: 0.5 });
    expect(supportCaseSuccessRate([], lastDays(D, 90)).rate).toBeNull();
    expect(openSupportCases(cases, asOf)).toEqual([{ title: 'support_case 2026-11-10', ageDays: 10 }]);
    // On Oct 15 the first four were still open (closed later).
    expect(openSupportCases(cases, '2026-10-15')).toHaveLength(4);
  });

  it('touchpoint trend: last 90 days vs the 90 before vs the same days a year earlier', () => {
    const t = touchpointTrend(
      [tp('call', '2026-11-01'), tp('email', '2026-09-01'), tp('meeting', '2026-07-01'), tp('call', '2025-11-01'), tp('support_case', '2026-11-02')],
      D,
      90,
    );
    expect(t).toEqual({ days: 90, current: 2, previous: 1, lastYear: 1 }); // support cases are not touchpoints
  });

  it('satisfaction: NPS from the latest round of 0–10 answers, CSAT and proficiency means', () => {
    const s = satisfaction(
      [
        { userId: 1, date: '2026-10-01', kind: 'nps', score: 10 },
        { userId: 2, date: '2026-10-05', kind: 'nps', score: 9 },
        { userId: 3, date: '2026-10-05', kind: 'nps', score: 8 },
        { userId: 4, date: '2026-10-06', kind: 'nps', score: 6 },
        { userId: 5, date: '2026-10-07', kind: 'nps', score: 3 },
        { userId: 6, date: '2026-01-01', kind: 'nps', score: 0 }, // an earlier round
        { userId: null, date: '2026-09-01', kind: 'csat', score: 4 },
        { userId: null, date: '2026-09-02', kind: 'csat', score: 5 },
        { userId: 1, date: '2026-11-01', kind: 'proficiency', score: 3 },
      ],
      asOf,
    );
    expect(s.nps).toEqual({ value: 0, responses: 5, date: '2026-10-07' }); // 2 promoters − 2 detractors of 5
    expect(s.csat).toEqual({ value: 4.5, responses: 2, date: '2026-09-02' });
    expect(s.proficiency?.value).toBe(3);
    expect(satisfaction([{ userId: null, date: '2026-10-01', kind: 'nps', score: 42 }], asOf).nps?.value).toBe(42);
    expect(satisfaction([], asOf)).toEqual({ nps: null, csat: null, proficiency: null });
  });
});
