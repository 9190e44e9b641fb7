// Reminders (issue #14, point 3): the daily digest on a book imported from a Salesforce-shaped accounts export
// (tests/fixtures/book/tasks-salesforce-accounts.csv) and the desktop scheduler with a fake clock, timer and
// notification. Clock 2026-11-24 12:00 UTC; every expected count and date is worked out by hand in the comments.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { Digest, ReminderSettings } from '../../src/shared/contract';
import { dueReminderDay, MAX_WAIT_MS, msUntilNext, reminderInstant, startReminders } from '../../src/main/electron/reminder-scheduler';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
let backend: Backend | undefined;
afterEach(() => backend?.close());

async function book() {
  const b = (backend = tempBackend());
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  await runJob(b, { path: path.join(BOOK, 'tasks-salesforce-accounts.csv'), timeZone: 'UTC' });
  const ids = b.database.sqlite.prepare('SELECT name, id FROM accounts').all() as { name: string; id: number }[];
  const idOf = (name: string) => ids.find((a) => a.name === name)!.id;
  return { b, alder: idOf('Alder Health'), birch: idOf('Birch Logistics'), cedar: idOf('Cedar Bank') };
}

describe('reminders.digest', () => {
  it('lists overdue and due-today tasks by account, most ARR first, and the renewals of the week', async () => {
    const { b, alder, birch, cedar } = await book();
    // Cedar Bank renews on 2026-11-27, 3 days from now: a renewal this week. That also puts it in the renewal stage
    // (within 90 days of renewal; 30 days allowed without a touch, 23 since its start on 2026-11-01: no check-in
    // task) and raises its renewal conversation, due today (renewal − 90 is past).
    b.database.sqlite.prepare("UPDATE accounts SET renewal_date = '2026-11-27' WHERE id = ?").run(cedar);
    const d = await call<Digest>(b, 'reminders.digest');
    expect(d.asOf).toBe('2026-11-24');
    const line = (a: Digest['accounts'][number]) => [a.accountName, a.arr, a.overdue, a.dueToday, a.tasks.map((t) => `${t.kind} ${t.due}`)];
    expect(d.accounts.map(line)).toEqual([
      // Alder (240,000): no touch since the start 2026-01-01, renewal stage (renews 2027-01-20, in 57 days) allows
      // 30 → due 2026-01-31; no QBR, 90 days → due 2026-04-02; renewal conversation due today; the entitled
      // Dashboards never used → a recommendation due today.
      ['Alder Health', 240000, 2, 2, ['no_touchpoint 2026-01-31', 'qbr_overdue 2026-04-02', 'renewal_conversation 2026-11-24', 'recommendation 2026-11-24']],
      ['Cedar Bank', 150000, 0, 2, ['renewal_conversation 2026-11-24', 'recommendation 2026-11-24']],
      // Birch (90,000): start 2025-11-11 + 30 = 2025-12-11; + 91 = 2026-02-10; renewal 2026-11-10 passed, no outcome.
      ['Birch Logistics', 90000, 3, 1, ['no_touchpoint 2025-12-11', 'qbr_overdue 2026-02-10', 'renewal_outcome 2026-11-10', 'recommendation 2026-11-24']],
    ]);
    expect([d.overdue, d.dueToday]).toEqual([5, 5]);
    expect(d.renewalsThisWeek).toEqual([{ accountId: cedar, accountName: 'Cedar Bank', renewalDate: '2026-11-27', daysToRenewal: 3, arr: 150000, currency: 'USD' }]);
    expect(d.summary).toBe('5 overdue, 5 due today across 3 accounts; 1 renewal this week.');
    // Done and later-due tasks leave it; a manual task due today joins its account.
    const first = d.accounts[2].tasks[0];
    await call(b, 'tasks.done', { id: first.id });
    await call(b, 'tasks.create', { accountId: birch, title: 'Send the renewal quote', due: '2026-11-24' });
    await call(b, 'tasks.create', { accountId: alder, title: 'Plan the workshop', due: '2026-11-25' });
    const after = await call<Digest>(b, 'reminders.digest');
    expect(after.accounts.map((a) => [a.accountName, a.overdue, a.dueToday])).toEqual([
      ['Alder Health', 2, 2],
      ['Cedar Bank', 0, 2],
      ['Birch Logistics', 2, 2],
    ]);
  });

  it('keeps the setting: on by default at 08:30, refuses a time that is not HH:MM and leaves it unchanged', async () => {
    const { b } = await book();
    expect(await call<ReminderSettings>(b, 'reminders.get')).toEqual({ enabled: true, time: '08:30', lastShownOn: null });
    expect(await call<ReminderSettings>(b, 'reminders.update', { time: '17:05', enabled: false })).toEqual({ enabled: false, time: '17:05', lastShownOn: null });
    const bad = await b.api.invoke('reminders.update', { time: '25:00' });
    expect(bad.ok).toBe(false);
    expect(await call<ReminderSettings>(b, 'reminders.get')).toEqual({ enabled: false, time: '17:05', lastShownOn: null });
  });
});

describe('the desktop reminder schedule', () => {
  const at = (iso: string) => Date.parse(iso);
  const on = (time: string, lastShownOn: string | null = null): ReminderSettings => ({ enabled: true, time, lastShownOn });

  it('finds the reminder time in the book\'s zone, daylight saving included', () => {
    // Berlin is UTC+1 in November (08:30 = 07:30 UTC) and UTC+2 after 2026-03-29 (08:30 = 06:30 UTC).
    expect(reminderInstant('2026-11-24', '08:30', 'Europe/Berlin')).toBe(at('2026-11-24T07:30:00Z'));
    expect(reminderInstant('2026-03-30', '08:30', 'Europe/Berlin')).toBe(at('2026-03-30T06:30:00Z'));
    // 12:00 UTC: today's 08:30 UTC has passed, the next is tomorrow's, 20 h 30 min away.
    expect(msUntilNext(on('08:30'), at('2026-11-24T12:00:00Z'), 'UTC')).toBe((20 * 60 + 30) * 60_000);
    expect(msUntilNext(on('13:00'), at('2026-11-24T12:00:00Z'), 'UTC')).toBe(60 * 60_000);
  });

  it('owes today\'s once its time has come, yesterday\'s when missed, nothing twice or when off', () => {
    const noon = at('2026-11-24T12:00:00Z');
    expect(dueReminderDay(on('08:30'), noon, 'UTC')).toBe('2026-11-24');
    expect(dueReminderDay(on('08:30', '2026-11-24'), noon, 'UTC')).toBeNull();
    expect(dueReminderDay(on('13:00'), noon, 'UTC')).toBeNull(); // first run, before the time: nothing owed yet
    expect(dueReminderDay(on('13:00', '2026-11-20'), noon, 'UTC')).toBe('2026-11-23'); // closed since the 20th
    expect(dueReminderDay(on('13:00', '2026-11-23'), noon, 'UTC')).toBeNull();
    expect(dueReminderDay({ ...on('08:30'), enabled: false }, noon, 'UTC')).toBeNull();
  });

  it('shows a missed digest once at start, today\'s at its time, and opens Home on a click', async () => {
    const { b } = await book();
    await call(b, 'reminders.update', { time: '13:00' });
    await call(b, 'reminders.shown', { day: '2026-11-20' }); // the app was closed since the 20th
    let now = at('2026-11-24T12:00:00Z');
    const timers: { fire: () => void; ms: number }[] = [];
    const shown: { title: string; body: string; onClick: () => void }[] = [];
    let homes = 0;
    const r = startReminders({
      api: b.api,
      now: () => now,
      setTimer: (fire, ms) => timers.push({ fire, ms }),
      clearTimer: () => undefined,
      notify: (n) => shown.push(n),
      openHome: () => homes++,
    });
    await r.check();
    // Missed (23rd's time passed while closed): shown now, once; the next wake is capped at 15 minutes.
    expect(shown.map((n) => n.body)).toEqual(['6 overdue, 4 due today across 3 accounts; no renewal this week.']);
    expect((await call<ReminderSettings>(b, 'reminders.get')).lastShownOn).toBe('2026-11-23');
    expect(timers.at(-1)!.ms).toBe(MAX_WAIT_MS);
    await r.check();
    expect(shown.length).toBe(1);
    // 13:00: today's.
    now = at('2026-11-24T13:00:00Z');
    await r.check();
    expect(shown.length).toBe(2);
    expect((await call<ReminderSettings>(b, 'reminders.get')).lastShownOn).toBe('2026-11-24');
    shown[1].onClick();
    expect(homes).toBe(1);
    r.stop();
  });

  it('two checks at once (a start and a settings change) show the day\'s digest once; a stopped schedule shows nothing', async () => {
    const { b } = await book();
    const shown: string[] = [];
    const ports = {
      api: b.api,
      now: () => at('2026-11-24T12:00:00Z'),
      setTimer: () => null,
      clearTimer: () => undefined,
      notify: (n: { body: string }) => shown.push(n.body),
      openHome: () => undefined,
    };
    const r = startReminders(ports); // 08:30 by default, never shown: today's is owed at noon
    await Promise.all([r.check(), r.check(), r.check()]);
    expect(shown.length).toBe(1);
    expect((await call<ReminderSettings>(b, 'reminders.get')).lastShownOn).toBe('2026-11-24');
    await b.api.invoke('reminders.shown', { day: '2026-11-23' }); // as if yesterday's were the last one shown
    const stopped = startReminders(ports);
    const pending = stopped.check();
    stopped.stop();
    await pending;
    expect(shown.length).toBe(1);
  });
});
