import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectColumnFormats } from '../../src/main/import/column-formats';
import { suggestMapping } from '../../src/main/import/mapping';
import { previewRows } from '../../src/main/import/preview';
import { fileSource, readRecords } from '../../src/main/import/records-stream';
import { groupValue, isAnonymousId } from '../../src/main/import/row-builders';
import { detectShape } from '../../src/main/import/shapes';
import { sniffFile } from '../../src/main/import/sniff';
import type { ColumnMapping, Kind, ValidationResult } from '../../src/main/import/types';
import { createRowValidator } from '../../src/main/import/validate';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const NOW = Date.UTC(2026, 3, 24, 12); // 2026-04-24
const utc = Date.UTC;

/** The whole pipeline on a fixture: sniff, detect, suggest, stream, validate. */
async function importFixture(name: string, timeZone = 'Europe/Berlin') {
  const s = await sniffFile(fixture(name));
  const samples = s.sampleRows.map((r) => r.fields);
  const shape = detectShape(s.headers, samples, { delimiter: s.delimiter });
  const mapping = suggestMapping(shape.kind, shape.source, s.headers, samples, { stats: shape.stats });
  const columnFormats = detectColumnFormats(s.headers, samples, { delimiter: s.delimiter, source: shape.source });
  const validate = createRowValidator({ kind: shape.kind, mapping, headers: s.headers, timeZone, now: NOW, columnFormats });
  const results: { line: number; result: ValidationResult }[] = [];
  for await (const r of readRecords(fileSource(fixture(name)), { delimiter: s.delimiter, encoding: s.encoding })) {
    results.push({ line: r.line, result: validate(r.fields, r.line) });
  }
  return results;
}

const rows = (results: { result: ValidationResult }[]) => results.flatMap((r) => (r.result.ok === true ? [r.result.row] : []));
const outcome = (r: ValidationResult) => (r.ok === true ? 'ok' : r.ok === false ? r.code : 'skip');

describe('bad-rows.csv: each rejected line with its line, code and reason', () => {
  it('lists exactly the expected lines and codes', async () => {
    const results = await importFixture('bad-rows.csv');
    expect(results.map((r) => [r.line, outcome(r.result)])).toEqual([
      [2, 'ok'],
      [3, 'field_count'],
      [4, 'invalid_date'],
      [5, 'future_date'],
      [6, 'negative_duration'],
      [7, 'not_a_number'],
      [9, 'anonymous_no_account'], // line 8 is blank: skipped but counted
      [10, 'field_count'],
      [11, 'anonymous_no_account'],
      [12, 'invalid_date'],
      [13, 'ok'],
    ]);
    const reasons = Object.fromEntries(results.map((r) => [r.line, r.result.ok === false ? r.result.reason : null]));
    expect(reasons[3]).toBe('Line 3 has 5 fields; the header has 6. Check for an unquoted separator.');
    expect(reasons[4]).toBe('"timestamp" is "2025-02-30 09:00:00", which is not a date Bearing can read.');
    expect(reasons[5]).toBe('"timestamp" is "2031-01-01 09:00:00", which is in the future.');
    expect(reasons[6]).toBe('"minutes" is "-3": a duration cannot be negative.');
    expect(reasons[7]).toBe('"count" is "lots", which is not a number.');
    expect(reasons[9]).toBe('No account and only an anonymous id ("$device:18f9e8d7c6b5a4"): the activity cannot be tied to a customer.');
    expect(reasons[10]).toBe('Line 10 has 7 fields; the header has 6. Check for an unquoted separator.');
    expect(reasons[11]).toBe('No account and no user: the activity cannot be tied to a customer.');
    // "1,5" in the minutes column made it a decimal-comma column.
    expect(rows(results)).toEqual([
      { kind: 'events', accountId: 'acme', accountName: null, userId: 'u-1', email: null, userName: null, event: 'Login', feature: null, ts: utc(2025, 2, 4, 8, 0), count: 1, minutes: 5 },
      { kind: 'events', accountId: 'globex', accountName: null, userId: 'u-9', email: null, userName: null, event: 'Login', feature: null, ts: utc(2025, 2, 4, 8, 35), count: 2, minutes: 1.5 },
    ]);
  });
});

describe('fixtures end to end: values exactly as stored', () => {
  it('Pendo events in Berlin, across both DST changes', async () => {
    const r = rows(await importFixture('pendo-events.csv', 'Europe/Berlin'));
    expect(r.map((x) => (x.kind === 'events' ? [x.userId, x.accountId, x.email, x.event, x.ts] : null))).toEqual([
      ['u-1001', 'acme', 'ana.silva@acme.example', 'Report Exported', utc(2025, 2, 4, 9, 15)], // written with Z
      ['u-1002', 'acme', 'ben.okafor@acme.example', 'Invoice Created', utc(2025, 2, 4, 9, 30)], // CET
      ['u-2001', 'globex', 'carla.ng@globex.example', 'Report Exported', utc(2025, 2, 30, 1, 30)], // 02:30 does not exist -> 03:30 CEST
      ['u-2002', 'globex', 'dev.patel@globex.example', 'Dashboard Viewed', utc(2025, 9, 26, 0, 30)], // 02:30 twice -> CEST
    ]);
  });

  it('Pendo events in New York', async () => {
    const r = rows(await importFixture('pendo-events.csv', 'America/New_York'));
    expect(r.map((x) => (x.kind === 'events' ? x.ts : null))).toEqual([
      utc(2025, 2, 4, 9, 15),
      utc(2025, 2, 4, 15, 30), // EST
      utc(2025, 2, 30, 6, 30), // EDT
      utc(2025, 9, 26, 6, 30), // EDT
    ]);
  });

  it('Amplitude: event_time is UTC whatever the zone; device-only rows are anonymous', async () => {
    const results = await importFixture('amplitude-events.csv', 'Europe/Berlin');
    expect(results.map((r) => outcome(r.result))).toEqual(['ok', 'ok', 'anonymous_no_account', 'ok']);
    expect(rows(results)[0]).toEqual({
      kind: 'events', accountId: 'acme', accountName: null, userId: 'u-1001', email: null, userName: null, event: 'Report Exported', feature: null,
      ts: utc(2025, 2, 4, 9, 15, 0, 123), count: 1, minutes: null,
    });
    expect(rows(results)[2]).toMatchObject({ accountId: 'globex', ts: utc(2025, 2, 5, 16, 45, 30, 999) });
  });

  it('Mixpanel: epoch seconds and ms; $device ids need an account', async () => {
    const results = await importFixture('mixpanel-export.csv');
    expect(results.map((r) => [r.line, outcome(r.result)])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'anonymous_no_account'],
      [5, 'ok'],
    ]);
    expect(rows(results).map((x) => (x.kind === 'events' ? [x.userId, x.accountId, x.ts] : null))).toEqual([
      ['u-1001', 'acme', 1_741_079_700_000],
      ['u-1002', 'acme', 1_741_083_300_123],
      [null, 'globex', 1_741_090_500_000], // anonymous visitor of a known account: kept for the account
    ]);
  });

  it('Pendo usage summary in New York (US dates with 12-hour times)', async () => {
    const r = rows(await importFixture('pendo-usage-summary.csv', 'America/New_York'));
    expect(r[0]).toEqual({
      kind: 'usage_summary', accountId: 'acme', accountName: null, userId: 'u-1001', email: 'ana.silva@acme.example', userName: null,
      daysActive: 18, events: 1204, minutes: 312.5, firstVisit: utc(2025, 0, 6, 13, 2), lastVisit: utc(2025, 2, 28, 20, 45),
      windowStart: null, windowEnd: null,
    });
    expect(r[2]).toMatchObject({ daysActive: 0, firstVisit: null, lastVisit: null });
  });

  it('Salesforce accounts: money in cents, 18-char ids, M/D/YYYY dates, footer skipped with reasons', async () => {
    const results = await importFixture('salesforce-accounts.csv', 'America/New_York');
    expect(rows(results)).toEqual([
      { kind: 'accounts', externalId: '0015g00000AbCdEAAZ', name: 'Acme Corporation', nameFrom: 'name', owner: 'Jane Doe', arrMinor: 125_000_000, currency: 'USD', licenses: 250, contractStart: '2024-04-01', renewalDate: '2026-03-31', industry: 'Manufacturing', stage: 'Customer - Direct', features: null },
      { kind: 'accounts', externalId: '0015g00000FgHiJAAZ', name: 'Globex, Inc.', nameFrom: 'name', owner: 'Sam Lee', arrMinor: 9_850_050, currency: 'USD', licenses: 40, contractStart: '2024-11-15', renewalDate: '2025-11-14', industry: 'Energy', stage: 'Customer - Channel', features: null },
      { kind: 'accounts', externalId: '0015g00000KlMnOAAZ', name: 'Initech', nameFrom: 'name', owner: 'Jane Doe', arrMinor: null, currency: 'USD', licenses: null, contractStart: null, renewalDate: null, industry: 'Technology', stage: 'Prospect', features: null },
      { kind: 'accounts', externalId: '0015g00000PqRsTAAZ', name: 'Umbrella Health', nameFrom: 'name', owner: 'Priya Shah', arrMinor: 200_000_000, currency: 'USD', licenses: 1200, contractStart: '2025-01-01', renewalDate: '2025-12-31', industry: 'Healthcare', stage: 'Customer - Direct', features: null },
    ]);
    const skipped = results.filter((r) => r.result.ok === undefined).map((r) => [r.line, 'skip' in r.result ? r.result.skip : '']);
    expect(skipped).toEqual([
      [7, 'Report footer (grand total): "Grand Totals (4 records) $3,348,500.50 1,490"'],
      [9, 'Report footer (copyright notice): "Copyright (c) 2000-2026 salesforce.com, inc. All rights res…"'],
      [10, 'Report footer (confidentiality notice): "Confidential Information - Do Not Distribute"'],
      [11, 'Report footer ("Generated By" line): "Generated By:  Jane Doe  4/23/2026, 9:14 AM"'],
      [12, 'Report footer: "Northwind Cloud, Inc."'],
    ]);
  });

  it('HubSpot companies and contacts', async () => {
    const companies = rows(await importFixture('hubspot-companies.csv'));
    expect(companies.map((c) => (c.kind === 'accounts' ? [c.externalId, c.name, c.arrMinor, c.stage] : null))).toEqual([
      ['9876543210', 'Acme Corporation', 125_000_000, 'Customer'],
      ['9876543211', 'Globex Inc', 9_850_050, 'Customer'],
      ['9876543212', 'Initech', null, 'Lead'],
    ]);
    const contacts = rows(await importFixture('hubspot-contacts.csv'));
    expect(contacts[0]).toEqual({
      kind: 'users', externalId: '101', email: 'ana.silva@acme.example', name: 'Ana Silva', title: 'VP Sales', role: 'executive',
      department: null, accountId: null, accountName: 'Acme Corporation',
    });
    expect(contacts.map((c) => (c.kind === 'users' ? c.role : null))).toEqual(['executive', 'admin', 'manager', 'end_user', 'executive']);
  });

  it('daily, weekly and European usage', async () => {
    expect(rows(await importFixture('daily-usage.csv'))[3]).toEqual({
      kind: 'daily_usage', accountId: 'globex', accountName: null, userId: 'u-2001', email: null, userName: null, event: null, feature: null, day: '2025-03-04', events: 15, minutes: 12.25,
    });
    expect(rows(await importFixture('weekly-usage.csv'))[0]).toEqual({
      kind: 'weekly_usage', accountId: null, accountName: 'Acme Corporation', userId: null, email: 'ana.silva@acme.example', userName: null, event: null, feature: null,
      weekStart: '2025-03-03', events: 120, minutes: 95,
    });
    const eu = rows(await importFixture('european-semicolon.csv'));
    expect(eu.map((x) => (x.kind === 'daily_usage' ? [x.userId, x.day, x.events, x.minutes] : null))).toEqual([
      ['u-1001', '2025-03-03', 1204, 12.5],
      ['u-1002', '2025-03-04', 7, 0.75],
      ['u-2001', '2025-03-30', 15, 3],
    ]);
  });

  it('quoted multi-line cells keep their newlines and lines', async () => {
    const results = await importFixture('quoted-multiline.csv');
    expect(results.map((r) => r.line)).toEqual([2, 4, 8]);
    expect(rows(results)[1]).toMatchObject({ accountName: 'Globex\nCorporation', userId: 'u-2' });
  });
});

describe('createRowValidator details', () => {
  const make = (kind: Kind, headers: string[], mapping: ColumnMapping, timeZone = 'UTC') =>
    createRowValidator({ kind, headers, mapping, timeZone, now: NOW });

  it('trailing empty cells (Excel padding) are fine; other extra cells are a field_count', () => {
    const v = make('accounts', ['Name', 'Owner'], { name: 'Name', owner: 'Owner' });
    expect(v(['Acme', 'Jane', '', ''], 2).ok).toBe(true);
    expect(v(['Acme', 'Jane', 'x'], 3)).toMatchObject({ ok: false, code: 'field_count' });
    expect(v(['Acme'], 4)).toEqual({ ok: false, code: 'field_count', reason: 'Line 4 has 1 field; the header has 2. Check for an unquoted separator.' });
  });

  it('formula-looking cells are stored as text, unchanged', () => {
    const v = make('accounts', ['Name', 'Owner'], { name: 'Name', owner: 'Owner' });
    expect(v(['=HYPERLINK("http://evil","x")', '@SUM(A1)'], 2)).toMatchObject({ ok: true, row: { name: '=HYPERLINK("http://evil","x")', owner: '@SUM(A1)' } });
  });

  it('a 5 MB value in a mapped column is rejected with its size; in an ignored column it costs nothing', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const v = make('accounts', ['Name', 'Notes'], { name: 'Name' });
    expect(v([huge, 'n'], 2)).toEqual({ ok: false, code: 'value_too_long', reason: '"Name" has a value of 5,242,880 characters ("xxxxxxxxxxxxxxxxxxxxxxx…"); the limit is 1,000.' });
    expect(v(['Acme', huge], 3).ok).toBe(true);
  });

  it('300 columns with the mapped ones far apart', () => {
    const headers = Array.from({ length: 300 }, (_, i) => `c${i}`);
    const v = make('events', headers, { timestamp: 'c299', userId: 'c0', accountId: 'c150' });
    const fields = headers.map((_, i) => `v${i}`);
    fields[299] = '2025-03-04T10:00:00Z';
    expect(v(fields, 2)).toMatchObject({ ok: true, row: { userId: 'v0', accountId: 'v150', ts: utc(2025, 2, 4, 10) } });
  });

  it('missing required values, invalid emails, whole numbers, negative counts', () => {
    const v = make('daily_usage', ['user', 'email', 'day', 'events'], { userId: 'user', email: 'email', day: 'day', events: 'events' });
    expect(v(['u', '', '', '3'], 2)).toEqual({ ok: false, code: 'missing_value', reason: '"day" is empty.' });
    expect(v(['u', 'bob(at)acme', '2025-03-03', '3'], 3)).toMatchObject({ code: 'invalid_email' });
    expect(v(['u', '', '2025-03-03', '2.5'], 4)).toEqual({ ok: false, code: 'not_a_number', reason: '"events" is "2.5", which is not a whole number.' });
    expect(v(['u', '', '2025-03-03', '-1'], 5)).toMatchObject({ code: 'negative_count' });
    expect(v(['u', '', '2026-05-01', '1'], 6)).toMatchObject({ code: 'future_date' });
    expect(v(['u', '', '1900-01-01', '1'], 7)).toEqual({ ok: false, code: 'invalid_date', reason: '"day" is "1900-01-01", before 1990: a placeholder, not a real date.' });
  });

  it('usage rows of every kind need a user or an account', () => {
    const daily = make('daily_usage', ['user', 'account', 'day', 'events'], { userId: 'user', accountId: 'account', day: 'day', events: 'events' });
    expect(daily(['', '', '2025-03-03', '1'], 2)).toEqual({ ok: false, code: 'anonymous_no_account', reason: 'No account and no user: the activity cannot be tied to a customer.' });
    expect(daily(['$device:abc', '', '2025-03-03', '1'], 3)).toMatchObject({ ok: false, code: 'anonymous_no_account' });
    expect(daily(['', 'acme', '2025-03-03', '1'], 4)).toMatchObject({ ok: true, row: { accountId: 'acme', userId: null } });
    const summary = make('usage_summary', ['user', 'account', 'days'], { userId: 'user', accountId: 'account', daysActive: 'days' });
    expect(summary(['', '', '3'], 2)).toMatchObject({ ok: false, code: 'anonymous_no_account' });
    expect(summary(['', 'acme', '3'], 3)).toMatchObject({ ok: false, code: 'missing_value' });
  });

  it('usage summary: first visit after last visit is invalid', () => {
    const v = make('usage_summary', ['u', 'f', 'l'], { userId: 'u', firstVisit: 'f', lastVisit: 'l' });
    expect(v(['u-1', '2025-03-05', '2025-03-01'], 2)).toMatchObject({ ok: false, code: 'invalid_date' });
  });

  it('users: the email stands in for a missing id; names are joined', () => {
    const v = make('users', ['email', 'first', 'last', 'title'], { email: 'email', firstName: 'first', lastName: 'last', role: 'title' });
    expect(v(['Ana@Acme.example', 'Ana', 'Silva', 'CFO'], 2)).toEqual({
      ok: true,
      row: { kind: 'users', externalId: 'ana@acme.example', email: 'ana@acme.example', name: 'Ana Silva', title: 'CFO', role: 'executive', department: null, accountId: null, accountName: null },
    });
    expect(v(['', 'Ana', '', ''], 3)).toMatchObject({ ok: false, code: 'missing_value' });
  });

  it('accounts: currency column, European money, negative ARR', () => {
    const v = createRowValidator({
      kind: 'accounts', headers: ['Name', 'ARR', 'Currency'], mapping: { name: 'Name', arr: 'ARR', currency: 'Currency' },
      timeZone: 'UTC', now: NOW, columnFormats: { ARR: { dayFirst: true, decimal: ',' } },
    });
    expect(v(['Acme', '1.250.000,00', 'eur'], 2)).toMatchObject({ ok: true, row: { arrMinor: 125_000_000, currency: 'EUR' } });
    expect(v(['Acme', '-5', 'EUR'], 3)).toMatchObject({ ok: false, code: 'not_a_number' });
    expect(v(['Acme', '5', 'euros'], 4)).toMatchObject({ ok: false, code: 'not_a_number' });
  });

  it('Totals rows and footers are skipped, "Total Wine & More" is data', () => {
    const v = make('accounts', ['Name', 'Owner', 'ARR'], { name: 'Name', owner: 'Owner', arr: 'ARR' });
    expect(v(['Total Wine & More', 'Jane', '100'], 2).ok).toBe(true);
    expect(v(['Total', '', '$1,000'], 3)).toMatchObject({ skip: expect.stringContaining('totals row') });
    expect(v(['', '', ''], 4)).toEqual({ skip: 'Empty row' });
  });

  it('helpers: anonymous ids and Amplitude groups', () => {
    expect(isAnonymousId('$device:18f9e8d7')).toBe(true);
    expect(isAnonymousId('anon-123')).toBe(true);
    expect(isAnonymousId('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(false); // a UUID user id is a user id
    expect(groupValue('{"company":["acme"]}')).toBe('acme');
    expect(groupValue('{"company_id":42}')).toBe('42');
    expect(groupValue('{}')).toBeNull();
    expect(groupValue('{not json')).toBe('{not json');
    expect(groupValue('acme')).toBe('acme');
  });
});

describe('previewRows', () => {
  it('shows the first rows exactly as the import would store, reject or skip them', async () => {
    const s = await sniffFile(fixture('bad-rows.csv'));
    const mapping = suggestMapping('events', 'generic', s.headers, s.sampleRows.map((r) => r.fields));
    const preview = previewRows({ kind: 'events', mapping, headers: s.headers, timeZone: 'UTC', now: NOW }, s.sampleRows, 3);
    expect(preview.map((p) => [p.line, outcome(p.result)])).toEqual([
      [2, 'ok'],
      [3, 'field_count'],
      [4, 'invalid_date'],
    ]);
    expect(preview[0].result).toMatchObject({ ok: true, row: { ts: utc(2025, 2, 4, 9), userId: 'u-1' } });
  });
});
