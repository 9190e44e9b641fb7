// The CSM's words for the importer's codes: sources, kinds, statuses and where an import came from.
import type { ImportKind, ImportSource } from '../../../shared/contract';

export const SOURCE_LABELS: Record<ImportSource, string> = {
  pendo: 'Pendo',
  mixpanel: 'Mixpanel',
  amplitude: 'Amplitude',
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  intercom: 'Intercom',
  delighted: 'Delighted',
  surveymonkey: 'SurveyMonkey',
  typeform: 'Typeform',
  qualtrics: 'Qualtrics',
  google_calendar: 'Google Calendar',
  outlook: 'Outlook',
  marketo: 'Marketo',
  generic: 'Generic CSV',
};

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** A text encoding as the CSM's tools name it (Excel's "CSV UTF-8", Notepad's "UTF-16 LE"). */
export function encodingLabel(encoding: string): string {
  return ENCODING_LABELS[encoding] ?? encoding;
}

const KIND_LABELS: Record<ImportKind, string> = {
  events: 'Usage events (one row per event)',
  daily_usage: 'Daily usage (one row per user per day)',
  weekly_usage: 'Weekly usage (one row per user per week)',
  usage_summary: 'Usage summary (one row per user over a period)',
  accounts: 'Accounts',
  users: 'Users and contacts',
  features: 'Feature catalogue (events counted as features)',
  entitlements: 'Entitlements (features each account pays for)',
  renewals: 'Renewal outcomes (renewed, expanded, downsized, churned)',
  tickets: 'Support tickets (Zendesk, Freshdesk, Intercom, HubSpot)',
  surveys: 'Survey answers (NPS or CSAT)',
  meetings: 'Meetings (a calendar exported as .ics)',
  campaigns: 'E-mail campaign recipients (HubSpot, Marketo)',
};

/** Short names for badges and the history table. */
const KIND_SHORT: Record<ImportKind, string> = {
  events: 'Events',
  daily_usage: 'Daily usage',
  weekly_usage: 'Weekly usage',
  usage_summary: 'Usage summary',
  accounts: 'Accounts',
  users: 'Users',
  features: 'Features',
  entitlements: 'Entitlements',
  renewals: 'Renewals',
  tickets: 'Tickets',
  surveys: 'Surveys',
  meetings: 'Meetings',
  campaigns: 'Campaigns',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as ImportKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export function sourceLabel(source: string): string {
  return source in SOURCE_LABELS ? SOURCE_LABELS[source as ImportSource] : source;
}

export function kindLabel(kind: string): string {
  if (kind === 'unknown') return 'Not recognised';
  return kind in KIND_SHORT ? KIND_SHORT[kind as ImportKind] : kind;
}

interface StatusLook {
  label: string;
  color: string;
}

const STATUS: Record<string, StatusLook> = {
  imported: { label: 'Imported', color: 'teal' },
  imported_with_rejections: { label: 'Imported, some rows rejected', color: 'yellow' },
  no_data: { label: 'Nothing imported', color: 'gray' },
  error: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
};

export function statusLook(status: string): StatusLook {
  return STATUS[status] ?? { label: status, color: 'gray' };
}

const ORIGINS: Record<string, string> = { manual: 'Manual', watch: 'Watched folder', cli: 'Command line', demo: 'Demo book' };

export function originLabel(origin: string): string {
  return ORIGINS[origin] ?? origin;
}

const ACRONYMS: Record<string, string> = { arr: 'ARR', externalId: 'ID in the source system' };

/** "accountId" -> "Account ID": for mappings stored in history, whose field labels main no longer sends. */
export function fieldLabel(field: string): string {
  if (ACRONYMS[field]) return ACRONYMS[field];
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
