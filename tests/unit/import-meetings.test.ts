// Meetings from calendar files as Google Calendar and Outlook export them (tests/fixtures/meetings): recognised as
// meetings (never usage), each occurrence of a series that took place becomes a touchpoint of the one account its
// people are at (by e-mail, never by display name: two Chris Millers are at two accounts), internal, cancelled and
// upcoming meetings are skipped, a meeting with two customers is refused by line, a meeting titled like a business
// review is offered as a QBR; re-imports change nothing and undo removes them. Expected values worked out by hand
// from the fixtures (the line of each BEGIN:VEVENT, the UTC dates of Europe/Berlin and "W. Europe Standard Time").
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const REL = path.resolve(import.meta.dirname, '../fixtures/relationship');
const MEET = path.resolve(import.meta.dirname, '../fixtures/meetings');
const NOW = new Date('2026-12-05T12:00:00Z');

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

async function bookBackend(): Promise<Backend & { dataDir: string }> {
  const b = tempBackend({ now: () => NOW });
  for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) {
    expect((await runJob(b, { path: path.join(REL, name), timeZone: 'UTC' })).summary.status).toBe('imported');
  }
  return b;
}

const meetings = (b: Backend) =>
  b.database.sqlite
    .prepare("SELECT a.name AS account, t.date, t.title FROM touchpoints t JOIN accounts a ON a.id = t.account_id WHERE t.kind = 'meeting' ORDER BY t.date, a.name")
    .all();

describe('meetings from a calendar file', () => {
  it('turns a Google Calendar export into the meetings that took place, each on its account', async () => {
    backend = await bookBackend();
    const { summary } = await runJob(backend, { path: path.join(MEET, 'google-calendar.ics'), timeZone: 'Europe/Berlin' });
    expect(summary).toMatchObject({ status: 'imported_with_rejections', kind: 'meetings', source: 'google_calendar', rowsAccepted: 6 });
    // Internal sync, cancelled renewal prep, the kickoff on 2026-12-15 and the coffee with a gmail address.
    expect(summary.counts.skipped).toBe(4);
    expect(summary.rejected.map((r) => [r.line, r.code])).toEqual([[157, 'unknown_account']]);
    expect(summary.rejected[0].reason).toMatch(/Northwind Traders and Fabrikam, Inc\./);
    expect(summary.warnings.map((w) => [w.line, w.code])).toEqual([[26, 'qbr_offered']]);
    expect(meetings(backend)).toEqual([
      { account: 'Northwind Traders', date: '2026-10-14', title: 'Northwind Traders <> Lumen | Q3 Business Review' },
      { account: 'Contoso Ltd', date: '2026-11-04', title: 'Contoso weekly check-in' },
      { account: 'Contoso Ltd', date: '2026-11-11', title: 'Contoso weekly check-in' },
      // 2026-11-18 is an EXDATE; the 25th moved to the 26th; 2026-12-09 is still to come.
      { account: 'Tailspin Toys', date: '2026-11-20', title: 'Tailspin Toys onsite workshop' },
      { account: 'Contoso Ltd', date: '2026-11-26', title: 'Contoso weekly check-in (moved)' },
      { account: 'Contoso Ltd', date: '2026-12-02', title: 'Contoso weekly check-in' },
    ]);
    const again = await runJob(backend, { path: path.join(MEET, 'google-calendar.ics'), timeZone: 'Europe/Berlin' });
    expect(again.summary).toMatchObject({ rowsAccepted: 0, counts: { duplicates: 6 } });
    await call(backend, 'imports.undo', { id: again.summary.importId });
    expect(meetings(backend)).toHaveLength(6);
    await call(backend, 'imports.undo', { id: summary.importId });
    expect(meetings(backend)).toEqual([]);
  });

  it('reads Outlook times in its own Windows time zone and tells the two Chris Millers apart by e-mail', async () => {
    backend = await bookBackend();
    const { summary } = await runJob(backend, { path: path.join(MEET, 'outlook-calendar.ics'), timeZone: 'UTC' });
    expect(summary).toMatchObject({ status: 'imported', kind: 'meetings', source: 'outlook', rowsAccepted: 2 });
    expect(summary.warnings.map((w) => [w.line, w.code])).toEqual([[43, 'qbr_offered']]);
    // 09:00 "W. Europe Standard Time" on 2026-11-12 is 08:00 UTC; cmiller@fabrikam.com is Fabrikam's Chris Miller.
    expect(meetings(backend)).toEqual([
      { account: 'Fabrikam, Inc.', date: '2026-11-12', title: 'Fabrikam renewal kickoff' },
      { account: 'Tailspin Toys', date: '2026-11-30', title: 'Tailspin Toys – Executive Business Review' },
    ]);
    const notes = backend.database.sqlite.prepare("SELECT notes, attendees FROM touchpoints WHERE title = 'Fabrikam renewal kickoff'").get();
    expect(notes).toEqual({ notes: 'Attendees: cmiller@fabrikam.com, ines.carvalho@fabrikam.com', attendees: 'cmiller@fabrikam.com; ines.carvalho@fabrikam.com' });
  });
});
