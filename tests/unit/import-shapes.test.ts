import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingRequired } from '../../src/main/import/fields';
import { headerSignature, normalizeHeader } from '../../src/main/import/headers';
import { sanitizeMapping, suggestMapping } from '../../src/main/import/mapping';
import { normalizeRole } from '../../src/main/import/roles';
import { detectShape } from '../../src/main/import/shapes';
import { sniffFile } from '../../src/main/import/sniff';
import { detectSource } from '../../src/main/import/sources';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

async function shapeOf(name: string) {
  const s = await sniffFile(fixture(name));
  const samples = s.sampleRows.map((r) => r.fields);
  const shape = detectShape(s.headers, samples, { delimiter: s.delimiter });
  const mapping = suggestMapping(shape.kind, shape.source, s.headers, samples, { delimiter: s.delimiter, stats: shape.stats });
  return { ...shape, mapping, headers: s.headers };
}

function csvShape(text: string) {
  const rows = text.trim().split('\n').map((l) => l.split(','));
  return detectShape(rows[0], rows.slice(1));
}

describe('detectShape on the fixtures', () => {
  it.each([
    ['pendo-events.csv', 'events', 'pendo'],
    ['pendo-usage-summary.csv', 'usage_summary', 'pendo'],
    ['mixpanel-export.csv', 'events', 'mixpanel'],
    ['amplitude-events.csv', 'events', 'amplitude'],
    ['salesforce-accounts.csv', 'accounts', 'salesforce'],
    ['hubspot-companies.csv', 'accounts', 'hubspot'],
    ['hubspot-contacts.csv', 'users', 'hubspot'],
    ['daily-usage.csv', 'daily_usage', 'generic'],
    ['weekly-usage.csv', 'weekly_usage', 'generic'],
    ['european-semicolon.csv', 'daily_usage', 'generic'],
    ['quoted-multiline.csv', 'events', 'generic'],
    ['bad-rows.csv', 'events', 'generic'],
  ])('%s -> %s from %s', async (name, kind, source) => {
    const shape = await shapeOf(name);
    expect({ kind: shape.kind, source: shape.source }).toEqual({ kind, source });
    expect(shape.confidence).toBeGreaterThan(0.5);
  });
});

describe('detectShape from headers and values', () => {
  it('Pendo visitor-by-day export is daily usage', () => {
    const s = csvShape(`Visitor ID,Account ID,Day,Number of Events,Number of Minutes
u-1,acme,2025-03-03,12,5
u-2,acme,2025-03-04,3,1`);
    expect([s.kind, s.source]).toEqual(['daily_usage', 'pendo']);
  });

  it('Pendo raw-event export (Browser Time, one row per event with its counts) is events, its Event the feature', () => {
    const text = `Visitor ID,Account ID,Account Name,Visitor Email,Event,Page,Browser Time,Number of Events,Number of Minutes,Remote IP
u-1,acct-3,Customer 3 Ltd,user1@customer3.example.com,Feature 07,/reports/weekly,2025-02-16T12:21:17Z,1,12.5,10.3.1.48
u-2,acct-4,Customer 4 Ltd,user2@customer4.example.com,Feature 21,/home,2025-06-02T12:08:39Z,1,17.9,10.4.2.97`;
    const rows = text.split('\n').map((l) => l.split(','));
    const s = detectShape(rows[0], rows.slice(1));
    expect([s.kind, s.source]).toEqual(['events', 'pendo']);
    const mapping = suggestMapping(s.kind, s.source, rows[0], rows.slice(1), { stats: s.stats });
    expect(mapping).toMatchObject({ userId: 'Visitor ID', accountId: 'Account ID', email: 'Visitor Email', event: 'Event', timestamp: 'Browser Time', count: 'Number of Events', minutes: 'Number of Minutes' });
  });

  it('dates seven days apart without a "week" header are weekly usage', () => {
    const s = csvShape(`user_id,account_id,date,events
u-1,acme,2025-03-03,12
u-1,acme,2025-03-10,9
u-2,acme,2025-03-17,3`);
    expect(s.kind).toBe('weekly_usage');
  });

  it('a Salesforce contacts report is users', () => {
    const s = csvShape(`Contact ID,First Name,Last Name,Title,Email,Account Name,Account Owner
0035g00000AbCdEAAZ,Ana,Silva,VP Sales,ana@acme.example,Acme,Jane Doe`);
    expect([s.kind, s.source]).toEqual(['users', 'salesforce']);
  });

  it('a hand-made account list is accounts', () => {
    const s = csvShape(`Customer,CSM,ARR,Seats,Renewal
Acme Corporation,Jane Doe,"120000",50,2026-03-31`);
    expect([s.kind, s.source]).toEqual(['accounts', 'generic']);
  });

  it('ranks every kind so the UI can offer the others', async () => {
    const shape = await shapeOf('daily-usage.csv');
    expect(shape.ranking.map((r) => r.kind).sort()).toEqual(['accounts', 'campaigns', 'daily_usage', 'entitlements', 'events', 'features', 'meetings', 'renewals', 'surveys', 'tickets', 'usage_summary', 'users', 'weekly_usage']);
  });
});

describe('detectSource', () => {
  it('Mixpanel from $ and mp_ properties, Salesforce from ids and footer', () => {
    expect(detectSource(['event', 'time', 'distinct_id', '$browser', 'mp_lib'], []).source).toBe('mixpanel');
    expect(detectSource(['Name', 'Id'], [['Acme', '0015g00000AbCdEAAZ']]).source).toBe('salesforce');
    expect(detectSource(['a', 'b'], [['x', 'y']]).source).toBe('generic');
  });
});

describe('suggestMapping', () => {
  it('Pendo events', async () => {
    expect((await shapeOf('pendo-events.csv')).mapping).toEqual({
      accountId: 'Account ID', accountName: null, userId: 'Visitor ID', email: 'Visitor Email', userName: null, deviceId: null,
      event: 'Track Event Name', feature: null, timestamp: 'Timestamp', minutes: null, count: null,
    });
  });

  it('Mixpanel: $user_id over distinct_id, $device_id as the device, time as the timestamp', async () => {
    expect((await shapeOf('mixpanel-export.csv')).mapping).toEqual({
      accountId: 'company_id', accountName: null, userId: '$user_id', email: null, userName: null, deviceId: '$device_id',
      event: 'event', feature: null, timestamp: 'time', minutes: null, count: null,
    });
  });

  it('Amplitude: event_time (not client_event_time), groups as the account', async () => {
    expect((await shapeOf('amplitude-events.csv')).mapping).toEqual({
      accountId: 'groups', accountName: null, userId: 'user_id', email: null, userName: null, deviceId: 'device_id',
      event: 'event_type', feature: null, timestamp: 'event_time', minutes: null, count: null,
    });
  });

  it('Pendo usage summary', async () => {
    expect((await shapeOf('pendo-usage-summary.csv')).mapping).toEqual({
      userId: 'Visitor ID', email: 'Email', userName: null, accountId: 'Account ID', accountName: null, daysActive: 'Days Active',
      events: 'Number of Events', minutes: 'Number of Minutes', firstVisit: 'First Visit', lastVisit: 'Last Visit',
      windowStart: null, windowEnd: null,
    });
  });

  it('Salesforce accounts', async () => {
    expect((await shapeOf('salesforce-accounts.csv')).mapping).toEqual({
      externalId: 'Account ID', name: 'Account Name', owner: 'Account Owner', arr: 'Annual Revenue', currency: null,
      licenses: 'Licenses', contractStart: 'Contract Start Date', renewalDate: 'Renewal Date', industry: 'Industry', stage: 'Type', domain: null, features: null,
    });
  });

  it('HubSpot companies and contacts', async () => {
    expect((await shapeOf('hubspot-companies.csv')).mapping).toEqual({
      externalId: 'Record ID', name: 'Company name', owner: 'Company owner', arr: 'Annual Revenue', currency: null,
      licenses: null, contractStart: null, renewalDate: null, industry: 'Industry', stage: 'Lifecycle Stage', domain: 'Company Domain Name', features: null,
    });
    expect((await shapeOf('hubspot-contacts.csv')).mapping).toEqual({
      externalId: 'Record ID', email: 'Email', name: null, firstName: 'First Name', lastName: 'Last Name', role: 'Job Title',
      department: null, accountId: null, accountName: 'Associated Company',
    });
  });

  it('weekly usage: an "account" column of names maps to the account name, not the id', async () => {
    expect((await shapeOf('weekly-usage.csv')).mapping).toEqual({
      userId: null, email: 'user_email', userName: null, accountId: null, accountName: 'account', weekStart: 'week_start',
      events: 'events', minutes: 'minutes', event: null, feature: null,
    });
  });

  it('ignores hundreds of irrelevant columns', () => {
    const headers = ['Visitor ID', 'Account ID', 'Day', 'Number of Events', ...Array.from({ length: 296 }, (_, i) => `metadata_field_${i}`)];
    const row = ['u-1', 'acme', '2025-03-03', '4', ...Array.from({ length: 296 }, (_, i) => `value ${i}`)];
    const m = suggestMapping('daily_usage', 'pendo', headers, [row]);
    expect(m).toMatchObject({ userId: 'Visitor ID', accountId: 'Account ID', day: 'Day', events: 'Number of Events', minutes: null });
  });

  it('values veto a name match: an "Email" column without emails is not the email; a column of emails is', () => {
    const m = suggestMapping('users', 'generic', ['Email', 'Contact'], [['yes', 'ana@acme.example'], ['no', 'ben@acme.example']]);
    expect(m.email).toBe('Contact');
  });

  it('missingRequired and sanitizeMapping', () => {
    expect(missingRequired('events', { timestamp: null, userId: null })).toEqual([
      'Choose the column for Time.',
      'Choose a column for one of: User ID, Email, Device ID (anonymous), Account ID, Account name.',
    ]);
    expect(missingRequired('accounts', { name: 'Account Name' })).toEqual([]);
    const clean = sanitizeMapping('accounts', { name: 'Account Name', owner: 'Account Name', arr: 'Nope', bogus: 'x' }, ['Account Name']);
    expect(clean).toMatchObject({ name: 'Account Name', owner: null, arr: null });
    expect(Object.keys(clean)).not.toContain('bogus');
  });
});

describe('headerSignature', () => {
  it('is stable over order, case and spacing, and changes with the header set', () => {
    const a = headerSignature(['Visitor ID', 'Account ID', 'Day']);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(headerSignature(['day', '  account   id ', 'VISITOR ID'])).toBe(a);
    expect(headerSignature(['\ufeffVisitor ID', 'Account ID', 'Day'])).toBe(a);
    expect(headerSignature(['Visitor ID', 'Account ID', 'Day', 'Number of Events'])).not.toBe(a);
  });

  it('normalizeHeader', () => {
    expect(['Visitor ID', 'visitorId', 'visitor_id', '$visitor_id', 'Visitör-ID'].map(normalizeHeader)).toEqual(Array(5).fill('visitorid'));
  });
});

describe('normalizeRole', () => {
  it.each([
    ['VP Sales', 'executive'],
    ['CFO', 'executive'],
    ['Chief Customer Officer', 'executive'],
    ['Vice President, Finance', 'executive'],
    ['Founder & CEO', 'executive'],
    ['Head of Finance', 'manager'],
    ['Sales Manager', 'manager'],
    ['Director of IT Administration', 'manager'],
    ['Team Lead', 'manager'],
    ['Admin', 'admin'],
    ['Salesforce Administrator', 'admin'],
    ['Payroll Administrator', 'admin'],
    ['Accountant', 'end_user'],
    ['Product Owner', 'end_user'],
    ['', 'end_user'],
    [null, 'end_user'],
    ['end_user', 'end_user'],
    ['Executive', 'executive'],
  ])('%j -> %s', (title, role) => {
    expect(normalizeRole(title)).toBe(role);
  });
});
