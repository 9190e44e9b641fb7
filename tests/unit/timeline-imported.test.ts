// Tickets and campaigns imported from files appear on the account's timeline (issue #15): one entry per ticket
// with its status, days open and priority; one per campaign with its recipients at the account counted. The book
// is built from HubSpot, Zendesk and HubSpot-campaign exports only (tests/fixtures); expected values by hand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call } from '../helpers/backend';
import { bookFrom } from '../helpers/import-jobs';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NOW = new Date('2026-12-05T12:00:00Z');

function book(): Promise<Backend & { dataDir: string }> {
  const files = ['relationship/hubspot-companies.csv', 'relationship/hubspot-contacts.csv', 'relationship/zendesk-tickets.csv', 'campaigns/hubspot-email-recipients.csv'];
  return bookFrom(files.map((file) => path.join(FIXTURES, file)), { now: () => NOW });
}

const idOf = (b: Backend, name: string) => (b.database.sqlite.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;
type Timeline = MethodOutput<'touchpoints.list'>;

describe('imported tickets and campaigns on the timeline', () => {
  it('lists Northwind’s three Zendesk tickets and its share of the campaign, newest first, read-only', async () => {
    const backend = await book();
    const northwind = idOf(backend, 'Northwind Traders');
    const t = await call<Timeline>(backend, 'touchpoints.list', { accountId: northwind });
    expect(t.total).toBe(4);
    expect(t.items.map((i) => [i.source, i.kind, i.date, 'title' in i ? i.title : null])).toEqual([
      ['imported', 'support_case', '2026-11-20', 'Question about "close period" lock, again'],
      ['imported', 'campaign', '2026-10-14', 'Q4 Dashboards launch'],
      ['imported', 'support_case', '2026-10-05', 'SSO login loops back to the sign-in page'],
      ['imported', 'support_case', '2026-10-02', 'Invoice export shows wrong VAT rate'],
    ]);
    const [open, campaign, urgent, solved] = t.items;
    // 4103: Open since 2026-11-20, 15 days to 2026-12-05. 4102: Closed 2026-10-07, two days after it opened.
    expect(open).toMatchObject({ vendor: 'zendesk', ticketId: '4103', caseStatus: 'open', daysOpen: 15, priority: 'normal', requesterEmail: 'rafael.souza@northwindtraders.com' });
    expect(urgent).toMatchObject({ ticketId: '4102', caseStatus: 'closed', closedDate: '2026-10-07', daysOpen: 2, priority: 'urgent' });
    expect(solved).toMatchObject({ ticketId: '4101', caseStatus: 'closed', closedDate: '2026-10-02', daysOpen: 0 });
    // Aiko (opened), Rafael (nothing) and new.hire@ (opened, clicked) at northwindtraders.com.
    expect(campaign).toMatchObject({ vendor: 'hubspot', recipients: 3, opened: 2, clicked: 1, replied: 0, ticketId: null });
  });

  it('counts the same-name Chris Miller at Contoso and at Fabrikam apart, and filters by kind', async () => {
    const backend = await book();
    const fabrikam = idOf(backend, 'Fabrikam, Inc.');
    const campaigns = await call<Timeline>(backend, 'touchpoints.list', { accountId: fabrikam, kinds: ['campaign'] });
    // cmiller@fabrikam.com (opened) and ines.carvalho@fabrikam.com (replied); chris.miller@contoso.com is Contoso's.
    expect(campaigns.items).toHaveLength(1);
    expect(campaigns.items[0]).toMatchObject({ recipients: 2, opened: 1, clicked: 0, replied: 1 });
    const contoso = await call<Timeline>(backend, 'touchpoints.list', { accountId: idOf(backend, 'Contoso Ltd'), kinds: ['campaign'] });
    expect(contoso.items[0]).toMatchObject({ recipients: 1, opened: 1, clicked: 1, replied: 0 });
  });

  it('leaves the timeline when its import is undone', async () => {
    const backend = await book();
    const northwind = idOf(backend, 'Northwind Traders');
    const ticketsImport = backend.database.sqlite.prepare("SELECT id FROM imports WHERE kind = 'tickets'").pluck().get() as number;
    await call(backend, 'imports.undo', { id: ticketsImport });
    const t = await call<Timeline>(backend, 'touchpoints.list', { accountId: northwind });
    expect(t.items.map((i) => i.kind)).toEqual(['campaign']);
  });
});
