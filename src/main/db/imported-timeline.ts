// Records that came in from files, read for an account's timeline: help-desk tickets one by one, and e-mail
// campaign recipients grouped by campaign (a send to 40 contacts is one entry, not 40).
import type { Store } from './open';
import { prepared } from './statements';

export interface ImportedTicketRow {
  id: number;
  ticketId: string;
  vendor: string;
  title: string;
  openedDate: string;
  solvedDate: string | null;
  status: 'open' | 'closed';
  priority: string | null;
  slaBreached: number | null;
  requesterEmail: string | null;
  importId: number | null;
}

export interface ImportedCampaignRow {
  id: number;
  vendor: string;
  campaign: string;
  date: string;
  recipients: number;
  opened: number;
  clicked: number;
  replied: number;
  featureName: string | null;
  importId: number | null;
}

export function importedTicketsOf(store: Store, accountId: number): ImportedTicketRow[] {
  return prepared(
    store.sqlite,
    `SELECT id, ticket_id AS ticketId, source AS vendor, coalesce(subject, 'Ticket ' || ticket_id) AS title, opened_date AS openedDate,
            solved_date AS solvedDate, status, priority, sla_breached AS slaBreached, requester_email AS requesterEmail, import_id AS importId
     FROM support_cases WHERE account_id = ?`,
  ).all(accountId) as ImportedTicketRow[];
}

/** One row per campaign (and tool) at the account, dated by its first send; the last import that touched it. */
export function importedCampaignsOf(store: Store, accountId: number): ImportedCampaignRow[] {
  return prepared(
    store.sqlite,
    `SELECT min(c.id) AS id, c.source AS vendor, c.campaign, min(c.date) AS date, count(*) AS recipients, sum(c.opened) AS opened,
            sum(c.clicked) AS clicked, sum(c.replied) AS replied, max(f.name) AS featureName, max(c.import_id) AS importId
     FROM campaign_touchpoints c
     LEFT JOIN features f ON f.id = (SELECT coalesce(m.merged_into, m.id) FROM features m WHERE m.id = c.feature_id)
     WHERE c.account_id = ?
     GROUP BY c.source, c.campaign`,
  ).all(accountId) as ImportedCampaignRow[];
}
