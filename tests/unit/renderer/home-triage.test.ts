// The Home screen's pure helpers (issue #14, point 2): today's tasks grouped by account with the ARR at stake
// (each account once), the week after them, snooze presets after today, the template a task calls for, and the
// facts behind a task as a CSM reads them. Expected values are worked out by hand from the tasks below.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/shared/contract';
import { arrAtStake, draftForTask, factList, homeSections, snoozePresets } from '../../../src/renderer/src/home/triage';

let n = 0;
function task(accountId: number, accountName: string, due: string | null, arrMinor: number | null, extra: Partial<Task> = {}): Task {
  n += 1;
  return {
    id: `t${n}`, accountId, accountName, title: `Task ${n}`, kind: 'manual', reason: null, facts: {}, due, priority: 'medium', status: 'open',
    snoozedUntil: null, dismissReason: null, closedBy: null, closedOn: null, arrMinor, currency: arrMinor === null ? null : 'USD', ...extra,
  };
}

describe('homeSections', () => {
  it('groups overdue and due-today tasks by account, most ARR first, and keeps the week apart', () => {
    // Today is Wednesday 2026-11-25; the week runs to 2026-12-01 (today + 6).
    const birchOld = task(2, 'Birch Logistics', '2026-11-20', 9_000_000);
    const alderToday = task(1, 'Alder Health', '2026-11-25', 24_000_000);
    const birchToday = task(2, 'Birch Logistics', '2026-11-25', 9_000_000);
    const cedarNoArr = task(3, 'Cedar Bank', '2026-11-24', null);
    const alderFri = task(1, 'Alder Health', '2026-11-27', 24_000_000);
    const lastOfWeek = task(3, 'Cedar Bank', '2026-12-01', null);
    const nextWeek = task(1, 'Alder Health', '2026-12-02', 24_000_000);
    const undated = task(1, 'Alder Health', null, 24_000_000);
    const s = homeSections([birchOld, cedarNoArr, alderToday, birchToday, alderFri, lastOfWeek, nextWeek, undated], '2026-11-25');
    expect(s.today.map((g) => [g.accountName, g.arr, g.tasks.map((t) => t.id)])).toEqual([
      ['Alder Health', 240_000, [alderToday.id]],
      ['Birch Logistics', 90_000, [birchOld.id, birchToday.id]],
      ['Cedar Bank', null, [cedarNoArr.id]],
    ]);
    expect(s.week.map((t) => t.id)).toEqual([alderFri.id, lastOfWeek.id]);
    expect(s.order.map((t) => t.id)).toEqual([alderToday.id, birchOld.id, birchToday.id, cedarNoArr.id, alderFri.id, lastOfWeek.id]);
    // Birch counts once although it has two tasks; Cedar has no ARR on record.
    expect(arrAtStake(s.today)).toEqual([{ currency: 'USD', amount: 330_000 }]);
  });
});

describe('snoozePresets', () => {
  it('offers tomorrow, three days, next Monday and a week, all after today', () => {
    expect(snoozePresets('2026-11-25').map((p) => `${p.label} ${p.until}`)).toEqual([
      'Tomorrow 2026-11-26',
      'In 3 days 2026-11-28',
      'Next Monday 2026-11-30',
      'In a week 2026-12-02',
    ]);
    // On a Monday, "next Monday" is a week away, never today.
    expect(snoozePresets('2026-11-30')[2].until).toBe('2026-12-07');
    // On a Sunday, it is tomorrow.
    expect(snoozePresets('2026-11-29')[2].until).toBe('2026-11-30');
  });
});

describe('draftForTask', () => {
  it('picks the template that fits the task', () => {
    expect(draftForTask({ kind: 'no_touchpoint', facts: {} })).toEqual({ template: 'check_in' });
    expect(draftForTask({ kind: 'qbr_overdue', facts: {} })).toEqual({ template: 'qbr_invitation' });
    expect(draftForTask({ kind: 'renewal_conversation', facts: {} })).toEqual({ template: 'renewal_kickoff' });
    const reminder = { recommendation: 'key_feature_reminder', features: [{ id: 7, name: 'Alerts' }], users: [] };
    expect(draftForTask({ kind: 'recommendation', facts: reminder })).toEqual({ template: 'feature_reminder', featureId: 7 });
    // Another recommendation naming features (not needed, downgrade risk) is not a reminder.
    expect(draftForTask({ kind: 'recommendation', facts: { recommendation: 'downgrade_risk', features: [{ id: 7, name: 'Alerts' }] } })).toEqual({ template: 'check_in' });
    expect(draftForTask({ kind: 'recommendation', facts: { recommendation: 'key_feature_reminder', features: [{ id: 'x' }] } })).toEqual({ template: 'check_in' });
    expect(draftForTask({ kind: 'manual', facts: {} })).toEqual({ template: 'check_in' });
  });
});

describe('factList', () => {
  it('reads dates, percentages and names, and leaves ids and empty values out', () => {
    expect(
      factList({ lastTouchpoint: '2026-09-01', daysSince: 85, stage: 'adoption', milestoneId: 4, licenseUtilization: 0.425, users: [{ id: 1, name: 'Olga Berg' }, { id: 2, name: 'Tim Moss' }], lastQbr: null }),
    ).toEqual([
      { label: 'Last touchpoint', value: 'Sep 1, 2026' },
      { label: 'Days since', value: '85' },
      { label: 'Stage', value: 'adoption' },
      { label: 'License utilization', value: '43%' },
      { label: 'Users', value: 'Olga Berg, Tim Moss' },
    ]);
  });
});
