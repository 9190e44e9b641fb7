// The canonical fields of each kind of file, what type each holds, which are required, and the header names the
// usual exports give them (Pendo, Mixpanel, Amplitude, Salesforce, HubSpot and hand-made sheets). Aliases are in
// normalized form (see normalizeHeader: lower case, letters and digits only), best first.
import type { Kind } from './types';

export type FieldType = 'id' | 'text' | 'person' | 'email' | 'instant' | 'date' | 'count' | 'minutes' | 'money' | 'currency';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  aliases: string[];
}

export interface KindSpec {
  label: string;
  fields: FieldSpec[];
  /** Each group needs at least one of its fields mapped (a single-field group = a required field). */
  requires: string[][];
}

const accountId: FieldSpec = {
  key: 'accountId', label: 'Account ID', type: 'id',
  aliases: ['accountid', 'account', 'companyid', 'groupid', 'orgid', 'organizationid', 'tenantid', 'customerid', 'groups', 'accountidcasesafe', 'sfdcaccountid', 'recordid', 'firmenid', 'kundenid', 'kundennummer'],
};
const accountName: FieldSpec = {
  key: 'accountName', label: 'Account name', type: 'text',
  aliases: ['accountname', 'companyname', 'company', 'organization', 'organizationname', 'customer', 'customername', 'associatedcompany', 'orgname', 'client', 'account', 'firma', 'firmenname', 'unternehmen', 'kunde'],
};
const userId: FieldSpec = {
  key: 'userId', label: 'User ID', type: 'id',
  aliases: ['visitorid', 'userid', 'mpuserid', 'distinctid', 'uid', 'memberid', 'personid', 'contactid', 'identity', 'user', 'visitor', 'benutzerid', 'nutzerid', 'benutzer'],
};
/**
 * A person's display name in a usage file ("User" in a Mixpanel or Excel export often holds "Anna Schmidt"): shown
 * as the user's name, never used to tell people apart (see StoreWriter). Type 'person': only a column of
 * multi-word names fits, so a "User" column of ids stays the user id.
 */
const userName: FieldSpec = {
  key: 'userName', label: 'User name', type: 'person',
  aliases: ['username', 'displayname', 'fullname', 'visitorname', 'personname', 'user', 'visitor', 'contactname'],
};
const email: FieldSpec = {
  key: 'email', label: 'Email', type: 'email',
  aliases: ['email', 'emailaddress', 'useremail', 'visitoremail', 'mail', 'workemail', 'agentemail', 'visitoragentemail', 'emailadresse'],
};
const deviceId: FieldSpec = {
  key: 'deviceId', label: 'Device ID (anonymous)', type: 'id',
  aliases: ['deviceid', 'anonymousid', 'anonid', 'cookieid', 'amplitudeid'],
};
const event: FieldSpec = {
  key: 'event', label: 'Event name', type: 'text',
  aliases: ['event', 'eventtype', 'eventname', 'trackevent', 'trackeventname', 'action', 'page', 'pagename', 'activity', 'name'],
};
/** A column naming the feature itself (Pendo's "Feature Name"): it wins over what the catalogue says of the event. */
const feature: FieldSpec = {
  key: 'feature', label: 'Feature', type: 'text',
  aliases: ['featurename', 'feature', 'productarea', 'module'],
};
const flag = (key: string, label: string, aliases: string[]): FieldSpec => ({ key, label, type: 'text', aliases });
const minutes: FieldSpec = {
  key: 'minutes', label: 'Minutes', type: 'minutes',
  aliases: ['numberofminutes', 'numminutes', 'minutes', 'timeonsite', 'duration', 'durationminutes', 'timespent', 'timeinminutes', 'sessionminutes', 'mins', 'activeminutes', 'aktiveminuten', 'minuten', 'nutzungsdauer'],
};
const events: FieldSpec = {
  key: 'events', label: 'Events', type: 'count',
  aliases: ['numberofevents', 'numevents', 'events', 'eventcount', 'totalevents', 'count', 'clicks', 'actions', 'ereignisse', 'anzahlereignisse', 'sessions', 'sitzungen'],
};

/**
 * Who a ticket or an answer is from: the requester's or respondent's e-mail (its domain names the account when the
 * file names none), never a display name.
 */
const requesterEmail: FieldSpec = {
  key: 'email', label: 'Requester email', type: 'email',
  aliases: ['requesteremail', 'email', 'contactemail', 'useremail', 'customeremail', 'emailaddress', 'recipientemail', 'respondentemail', 'associatedcontact'],
};

export const KIND_SPECS: Record<Kind, KindSpec> = {
  events: {
    label: 'Events (one row per event)',
    fields: [
      accountId, accountName, userId, email, userName, deviceId, event, feature,
      { key: 'timestamp', label: 'Time', type: 'instant', aliases: ['timestamp', 'eventtime', 'time', 'datetime', 'occurredat', 'createdat', 'browsertime', 'date', 'clienteventtime', 'servertime', 'day'] },
      minutes,
      { key: 'count', label: 'Count', type: 'count', aliases: ['count', 'numberofevents', 'numevents', 'eventcount', 'quantity'] },
    ],
    requires: [['timestamp'], ['userId', 'email', 'deviceId', 'accountId', 'accountName']],
  },
  daily_usage: {
    label: 'Daily usage (one row per user per day)',
    fields: [
      userId, email, userName, accountId, accountName,
      { key: 'day', label: 'Day', type: 'date', aliases: ['day', 'date', 'usagedate', 'activitydate', 'browsetime', 'period', 'timestamp', 'datum', 'tag'] },
      events, minutes, event, feature,
    ],
    requires: [['day'], ['userId', 'email', 'accountId', 'accountName'], ['events', 'minutes']],
  },
  weekly_usage: {
    label: 'Weekly usage (one row per user per week)',
    fields: [
      userId, email, userName, accountId, accountName,
      { key: 'weekStart', label: 'Week starting', type: 'date', aliases: ['weekstart', 'weekstarting', 'week', 'weekof', 'weekbeginning', 'weekstartdate', 'startofweek', 'date', 'period'] },
      events, minutes, event, feature,
    ],
    requires: [['weekStart'], ['userId', 'email', 'accountId', 'accountName'], ['events', 'minutes']],
  },
  usage_summary: {
    label: 'Usage summary (one row per user over a period)',
    fields: [
      userId, email, userName, accountId, accountName,
      { key: 'daysActive', label: 'Days active', type: 'count', aliases: ['daysactive', 'activedays', 'numberofdaysactive', 'daysused', 'numdaysactive'] },
      events, minutes,
      { key: 'firstVisit', label: 'First visit', type: 'instant', aliases: ['firstvisit', 'firstseen', 'firstactive', 'firstlogin', 'firstseenat', 'firstvisitdate'] },
      { key: 'lastVisit', label: 'Last visit', type: 'instant', aliases: ['lastvisit', 'lastseen', 'lastactive', 'lastlogin', 'lastseenat', 'lastvisitdate', 'lastactivitydate'] },
      { key: 'windowStart', label: 'Period start', type: 'date', aliases: ['windowstart', 'periodstart', 'startdate', 'from', 'datefrom', 'rangestart'] },
      { key: 'windowEnd', label: 'Period end', type: 'date', aliases: ['windowend', 'periodend', 'enddate', 'to', 'dateto', 'rangeend'] },
    ],
    requires: [['userId', 'email', 'userName'], ['daysActive', 'events', 'minutes', 'lastVisit']],
  },
  accounts: {
    label: 'Accounts',
    fields: [
      { key: 'externalId', label: 'Account ID', type: 'id', aliases: ['accountid', 'recordid', 'companyid', 'accountid18', 'accountidcasesafe', 'id', 'customerid', 'externalid', 'sfdcid'] },
      { key: 'name', label: 'Name', type: 'text', aliases: ['accountname', 'companyname', 'name', 'company', 'customer', 'customername', 'organization', 'organizationname'] },
      { key: 'owner', label: 'Owner', type: 'text', aliases: ['accountowner', 'companyowner', 'owner', 'csm', 'customersuccessmanager', 'accountmanager', 'ownername', 'hubspotowner'] },
      { key: 'arr', label: 'ARR', type: 'money', aliases: ['arr', 'annualrecurringrevenue', 'annualrevenue', 'contractvalue', 'acv', 'mrr', 'revenue', 'amount'] },
      { key: 'currency', label: 'Currency', type: 'currency', aliases: ['currency', 'currencycode', 'annualrevenuecurrency', 'accountcurrency', 'isocode'] },
      { key: 'licenses', label: 'Licenses', type: 'count', aliases: ['licenses', 'licences', 'seats', 'numberoflicenses', 'licensedseats', 'purchasedseats', 'users', 'seatcount', 'licensecount'] },
      { key: 'contractStart', label: 'Contract start', type: 'date', aliases: ['contractstartdate', 'contractstart', 'startdate', 'customersince', 'becameacustomerdate', 'subscriptionstart', 'closedate'] },
      { key: 'renewalDate', label: 'Renewal date', type: 'date', aliases: ['renewaldate', 'contractenddate', 'contractend', 'renewal', 'nextrenewaldate', 'enddate', 'subscriptionend'] },
      { key: 'industry', label: 'Industry', type: 'text', aliases: ['industry', 'vertical', 'sector'] },
      { key: 'stage', label: 'Lifecycle stage', type: 'text', aliases: ['lifecyclestage', 'stage', 'type', 'accounttype', 'status', 'customerstatus', 'accountstatus'] },
      // Names a record that has none (HubSpot companies often have only a domain).
      { key: 'domain', label: 'Domain', type: 'text', aliases: ['companydomainname', 'domain', 'website', 'websiteurl', 'domainname', 'companydomain', 'url'] },
      { key: 'features', label: 'Features paid for', type: 'text', aliases: ['features', 'entitlements', 'plan', 'products', 'modules', 'addons', 'planfeatures', 'productsowned', 'purchasedfeatures', 'subscribedfeatures'] },
    ],
    // A record is kept with an id or a name: a nameless one is named by its domain, else its id.
    requires: [['externalId', 'name']],
  },
  users: {
    label: 'Users',
    fields: [
      { key: 'externalId', label: 'User ID', type: 'id', aliases: ['visitorid', 'userid', 'distinctid', 'recordid', 'contactid', 'id', 'externalid', 'personid'] },
      email,
      { key: 'name', label: 'Full name', type: 'text', aliases: ['name', 'fullname', 'displayname', 'contactname', 'username', 'visitorname'] },
      { key: 'firstName', label: 'First name', type: 'text', aliases: ['firstname', 'givenname', 'first'] },
      { key: 'lastName', label: 'Last name', type: 'text', aliases: ['lastname', 'surname', 'familyname', 'last'] },
      { key: 'role', label: 'Role or job title', type: 'text', aliases: ['jobtitle', 'title', 'role', 'position', 'persona', 'userrole'] },
      { key: 'department', label: 'Department', type: 'text', aliases: ['department', 'dept', 'team', 'businessunit', 'function', 'division'] },
      { ...accountId, aliases: ['accountid', 'companyid', 'associatedcompanyid', 'associatedcompanyids', 'organizationid', 'orgid'] },
      { ...accountName, aliases: ['accountname', 'associatedcompany', 'companyname', 'company', 'organization', 'organizationname', 'account'] },
    ],
    requires: [['externalId', 'email']],
  },
  features: {
    label: 'Feature catalogue (which events count as which feature)',
    fields: [
      { key: 'event', label: 'Event or pattern', type: 'text', aliases: ['event', 'eventname', 'events', 'pattern', 'eventpattern', 'trackevent', 'trackeventname'] },
      { key: 'feature', label: 'Feature', type: 'text', aliases: ['feature', 'featurename', 'name'] },
      flag('isKey', 'Key feature', ['key', 'iskey', 'keyfeature']),
      flag('isPaid', 'Paid feature', ['paid', 'ispaid', 'paidfeature', 'addon']),
    ],
    requires: [['feature']],
  },
  entitlements: {
    label: 'Entitlements (the features each account pays for)',
    fields: [
      accountId, accountName,
      { key: 'feature', label: 'Feature', type: 'text', aliases: ['feature', 'featurename', 'features', 'entitlement', 'product', 'productname', 'module', 'addon', 'plan'] },
      flag('isPaid', 'Paid', ['paid', 'ispaid', 'active', 'entitled']),
    ],
    requires: [['accountId', 'accountName'], ['feature']],
  },
  renewals: {
    label: 'Renewal outcomes (a renewals sheet, or a Salesforce renewal-opportunity report)',
    fields: [
      { ...accountId, aliases: ['accountid', 'accountidcasesafe', 'sfdcaccountid', 'companyid', 'customerid', 'recordid'] },
      { ...accountName, aliases: ['accountname', 'companyname', 'company', 'customer', 'customername', 'account', 'organization'] },
      { key: 'date', label: 'Date', type: 'date', aliases: ['closedate', 'renewaldate', 'date', 'outcomedate', 'decisiondate', 'closeddate', 'renewedon'] },
      { key: 'outcome', label: 'Outcome', type: 'text', aliases: ['outcome', 'renewaloutcome', 'result', 'renewalstatus'] },
      { key: 'stageName', label: 'Stage', type: 'text', aliases: ['stage', 'stagename', 'opportunitystage', 'dealstage', 'status'] },
      { key: 'arr', label: 'New ARR', type: 'money', aliases: ['newarr', 'arr', 'amount', 'renewalarr', 'renewalamount', 'annualrecurringrevenue', 'contractvalue', 'acv'] },
      { key: 'currency', label: 'Currency', type: 'currency', aliases: ['currency', 'currencycode', 'amountcurrency', 'opportunitycurrency'] },
      { key: 'reason', label: 'Churn reason', type: 'text', aliases: ['reason', 'lossreason', 'churnreason', 'closedlostreason', 'reasonlost', 'lostreason'] },
      { key: 'note', label: 'Note', type: 'text', aliases: ['note', 'notes', 'comment', 'comments', 'description', 'nextstep'] },
      { key: 'type', label: 'Opportunity type', type: 'text', aliases: ['type', 'opportunitytype', 'dealtype'] },
    ],
    requires: [['accountId', 'accountName'], ['date'], ['outcome', 'stageName']],
  },
  tickets: {
    label: 'Support tickets (Zendesk, Freshdesk, Intercom, HubSpot)',
    fields: [
      { key: 'ticketId', label: 'Ticket ID', type: 'id', aliases: ['ticketid', 'id', 'conversationid', 'caseid', 'casenumber', 'ticketnumber'] },
      { key: 'subject', label: 'Subject', type: 'text', aliases: ['subject', 'ticketname', 'title', 'summary', 'casesubject', 'conversationtitle'] },
      { key: 'opened', label: 'Opened', type: 'instant', aliases: ['createdat', 'createdtime', 'createdatutc', 'createdate', 'created', 'openedat', 'opened', 'dateopened', 'conversationstartedat'] },
      { key: 'solved', label: 'Solved', type: 'instant', aliases: ['solvedat', 'resolvedtime', 'closedatutc', 'closedate', 'closedat', 'closedtime', 'resolvedat', 'dateclosed', 'solved', 'closed'] },
      { key: 'status', label: 'Status', type: 'text', aliases: ['status', 'ticketstatus', 'state', 'conversationstate', 'casestatus'] },
      { key: 'priority', label: 'Priority', type: 'text', aliases: ['priority', 'ticketpriority', 'urgency', 'severity'] },
      { key: 'sla', label: 'SLA result', type: 'text', aliases: ['resolutionstatus', 'slastatus', 'slabreached', 'slabreach', 'withinsla', 'slametcompletionstatus'] },
      { key: 'organizationId', label: 'Organization ID', type: 'id', aliases: ['associatedcompanyids', 'associatedcompanyid', 'companyid', 'organizationid', 'orgid', 'accountid'] },
      { key: 'organization', label: 'Organization', type: 'text', aliases: ['organization', 'companyname', 'associatedcompany', 'organizationname', 'company', 'accountname', 'customer'] },
      requesterEmail,
    ],
    requires: [['opened'], ['organizationId', 'organization', 'email']],
  },
  meetings: {
    label: 'Meetings (a calendar exported as .ics)',
    fields: [
      { key: 'uid', label: 'UID', type: 'id', aliases: ['uid'] },
      { key: 'occurrence', label: 'Recurrence ID', type: 'text', aliases: ['recurrenceid'] },
      { key: 'start', label: 'Start', type: 'instant', aliases: ['start', 'dtstart'] },
      { key: 'end', label: 'End', type: 'instant', aliases: ['end', 'dtend'] },
      { key: 'title', label: 'Summary', type: 'text', aliases: ['summary'] },
      { key: 'organizer', label: 'Organizer', type: 'text', aliases: ['organizer'] },
      { key: 'attendees', label: 'Attendees', type: 'text', aliases: ['attendees'] },
      { key: 'status', label: 'Status', type: 'text', aliases: ['status'] },
    ],
    requires: [['uid'], ['start'], ['attendees']],
  },
  surveys: {
    label: 'Survey answers (NPS or CSAT: Delighted, SurveyMonkey, Typeform, Qualtrics)',
    fields: [
      { key: 'responseId', label: 'Response ID', type: 'id', aliases: ['responseid', 'respondentid', 'id', 'networkid'] },
      { key: 'score', label: 'Score', type: 'count', aliases: ['score', 'npsscore', 'rating', 'csat', 'csatscore', 'nps', 'q1', 'likelihoodtorecommend'] },
      { key: 'comment', label: 'Comment', type: 'text', aliases: ['comment', 'comments', 'feedback', 'reason', 'q2', 'openendedresponse', 'whyscore'] },
      { key: 'date', label: 'Answered', type: 'instant', aliases: ['createdat', 'submitdateutc', 'enddate', 'recordeddate', 'date', 'respondedat', 'responsedate', 'submittedat', 'completedat', 'startdate', 'startdateutc'] },
      { ...requesterEmail, label: 'Respondent email' },
      { key: 'accountId', label: 'Account ID', type: 'id', aliases: ['accountid', 'companyid', 'externalreference', 'customerid'] },
      { key: 'accountName', label: 'Account name', type: 'text', aliases: ['company', 'companyname', 'accountname', 'organization', 'customer'] },
      { key: 'surveyKind', label: 'Survey (NPS or CSAT)', type: 'text', aliases: ['surveytype', 'survey', 'surveykind', 'questiontype'] },
      // Qualtrics marks its own test answers "Survey Preview": they are skipped.
      { key: 'responseType', label: 'Response type', type: 'text', aliases: ['status', 'responsetype', 'distributionchannel'] },
    ],
    requires: [['score'], ['date'], ['email', 'accountId', 'accountName']],
  },
  campaigns: {
    label: 'E-mail campaign recipients (HubSpot, Marketo)',
    fields: [
      { key: 'campaign', label: 'Campaign', type: 'text', aliases: ['emailname', 'campaignname', 'campaign', 'programname', 'program', 'marketingemailname', 'emailcampaign'] },
      { ...requesterEmail, label: 'Contact email', aliases: ['recipientemail', 'emailaddress', 'email', 'contactemail', 'recipient', 'leademail'] },
      { key: 'date', label: 'Sent', type: 'instant', aliases: ['sentdate', 'senddate', 'sentat', 'datesent', 'memberdate', 'activitydate', 'date'] },
      { key: 'opened', label: 'Opened', type: 'text', aliases: ['opened', 'openedemail', 'open', 'opens'] },
      { key: 'clicked', label: 'Clicked', type: 'text', aliases: ['clicked', 'clickedemail', 'clickedlinkinemail', 'click', 'clicks'] },
      { key: 'replied', label: 'Replied', type: 'text', aliases: ['replied', 'repliedtoemail', 'reply', 'replies'] },
      // Marketo's Email Send programs say it in one status column (Sent, Delivered, Opened, Clicked, Engaged).
      { key: 'status', label: 'Status', type: 'text', aliases: ['status', 'progressionstatus', 'programstatus', 'memberstatus'] },
      { key: 'feature', label: 'Promoted feature', type: 'text', aliases: ['promotedfeature', 'feature', 'featurename', 'product'] },
    ],
    requires: [['campaign'], ['email'], ['date']],
  },
};

/** The field keys of a kind, in display order. */
export function fieldKeys(kind: Kind): string[] {
  return KIND_SPECS[kind].fields.map((f) => f.key);
}

export function fieldSpec(kind: Kind, key: string): FieldSpec | undefined {
  return KIND_SPECS[kind].fields.find((f) => f.key === key);
}

/** What a mapping still lacks, as sentences for the mapping screen (empty = ready to import). */
export function missingRequired(kind: Kind, mapping: Record<string, string | null>): string[] {
  const spec = KIND_SPECS[kind];
  const out: string[] = [];
  for (const group of spec.requires) {
    if (group.some((k) => mapping[k])) continue;
    const labels = group.map((k) => fieldSpec(kind, k)?.label ?? k);
    out.push(labels.length === 1 ? `Choose the column for ${labels[0]}.` : `Choose a column for one of: ${labels.join(', ')}.`);
  }
  return out;
}
