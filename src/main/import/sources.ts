// Which tool exported a file, from its header names (and, for Salesforce, its record ids and footer). The source
// steers mapping suggestions (Mixpanel's `time` is epoch seconds, Amplitude's event_time is UTC) and is the key a
// saved mapping is remembered under.
import { createFooterCheck } from './footer';
import { normalizeHeader } from './headers';
import type { Source } from './types';

interface Fingerprint {
  /** Normalized headers only this tool writes (3 points each). */
  strong: string[];
  /** Normalized headers it writes among others (1 point each). */
  weak: string[];
}

const FINGERPRINTS: Record<Exclude<Source, 'generic'>, Fingerprint> = {
  pendo: {
    strong: ['visitorid', 'numberofevents', 'numberofminutes', 'daysactive', 'firstvisit', 'lastvisit', 'numevents', 'numminutes', 'visitoragentemail', 'trackeventname', 'featurename', 'pagename', 'guidename', 'browsetime'],
    weak: ['accountid', 'day', 'feature', 'page', 'week', 'month', 'numberofdaysactive', 'agentemail'],
  },
  mixpanel: {
    strong: ['distinctid', 'propertiesdistinctid', 'propertiesinsertid', 'propertiesmpprocessingtimems', 'mplib', 'mpprocessingtimems', 'mpapiendpoint', 'mpcountrycode', 'mpuserid'],
    weak: ['event', 'time', 'insertid', 'browser', 'os', 'city', 'region', 'currenturl', 'initialreferrer', 'screenheight', 'screenwidth', 'deviceid', 'userid'],
  },
  amplitude: {
    strong: ['amplitudeid', 'eventtype', 'eventtime', 'clienteventtime', 'serveruploadtime', 'eventproperties', 'userproperties', 'groupproperties', 'clientuploadtime', 'processedtime', 'amplitudeattributionids', 'amplitudeeventtype'],
    weak: ['deviceid', 'sessionid', 'userid', 'groups', 'insertid', 'uuid', 'osname', 'devicetype', 'platform', 'country', 'language', 'eventid'],
  },
  salesforce: {
    strong: ['accountowner', 'accountrecordtype', 'parentaccount', 'billingstateprovince', 'accountidcasesafe', 'accountowneralias', 'accountsite', 'contractstartdate', 'accountnumber', 'opportunityname', 'opportunityid', 'opportunityowner', 'lossreason'],
    weak: ['accountname', 'accountid', 'annualrevenue', 'billingcountry', 'billingcity', 'billingstate', 'type', 'industry', 'lastactivity', 'createddate', 'renewaldate', 'employees', 'rating', 'phone', 'website'],
  },
  hubspot: {
    strong: ['recordid', 'companyowner', 'contactowner', 'associatedcompany', 'companydomainname', 'lifecyclestage', 'hubspotscore', 'leadstatus', 'associatedcompanyids', 'associatedcompanyprimary', 'becameacustomerdate', 'lastactivitydate', 'numberofassociatedcontacts'],
    weak: ['companyname', 'createdate', 'industry', 'annualrevenue', 'numberofemployees', 'firstname', 'lastname', 'email', 'jobtitle', 'phonenumber', 'city', 'country', 'ticketid', 'ticketname', 'ticketstatus', 'pipeline', 'ticketowner', 'closedate', 'emailname', 'emailsubject', 'recipient', 'senddate', 'delivered', 'bounced', 'unsubscribed'],
  },
  zendesk: {
    strong: ['summationcolumn', 'requesterdomain', 'requesterexternalid', 'assigneestations', 'groupstations', 'firstreplytimeinminutes', 'fullresolutiontimeinminutes', 'requesterwaittimeinminutes', 'satisfactionscore', 'initiallyassignedat'],
    weak: ['requester', 'requesterid', 'requesteremail', 'submitter', 'assignee', 'solvedat', 'via', 'tickettype', 'organization', 'reopens', 'replies'],
  },
  freshdesk: {
    strong: ['duebytime', 'resolvedtime', 'resolutionstatus', 'firstresponsestatus', 'firstresponsetimeinhrs', 'resolutiontimeinhrs', 'agentinteractions', 'customerinteractions', 'initialresponsetime', 'surveyresults'],
    weak: ['ticketid', 'createdtime', 'closedtime', 'lastupdatetime', 'timetracked', 'agent', 'group', 'companyname', 'contactid', 'fullname'],
  },
  intercom: {
    strong: ['conversationid', 'conversationurl', 'conversationrating', 'teammateassigned', 'teamassigned', 'conversationstate', 'createdatutc', 'closedatutc'],
    weak: ['state', 'slaname', 'slastatus', 'username', 'useremail', 'companyid', 'companyname', 'userid', 'updatedatutc'],
  },
  delighted: {
    strong: ['delightedsource', 'delighteddevicetype', 'delightedbrowser', 'delightedoperatingsystem', 'personid'],
    weak: ['responseid', 'score', 'comment', 'createdat', 'updatedat', 'tags', 'notes', 'name', 'email', 'permalink'],
  },
  surveymonkey: {
    strong: ['respondentid', 'collectorid', 'customdata1', 'emailaddress'],
    weak: ['startdate', 'enddate', 'ipaddress', 'firstname', 'lastname'],
  },
  typeform: {
    strong: ['startdateutc', 'submitdateutc', 'networkid', 'stageddateutc'],
    weak: ['ending'],
  },
  // Calendars are told by their PRODID (ics-records.ts), never by CSV headers.
  google_calendar: { strong: [], weak: [] },
  outlook: { strong: [], weak: [] },
  // Marketo's program members and smart list exports (e-mail campaign recipients).
  marketo: {
    strong: ['programname', 'memberdate', 'progressionstatus', 'acquiredby', 'reachedsuccess', 'reachedsuccessdate', 'marketoid', 'membershipdate'],
    weak: ['id', 'emailaddress', 'companyname', 'status', 'success', 'firstname', 'lastname', 'leadsource', 'leadscore'],
  },
  qualtrics: {
    strong: ['responseid', 'recordeddate', 'recipientemail', 'recipientfirstname', 'recipientlastname', 'externalreference', 'distributionchannel', 'userlanguage', 'durationinseconds', 'locationlatitude'],
    weak: ['startdate', 'enddate', 'status', 'ipaddress', 'progress', 'finished'],
  },
};

/** Salesforce record ids: 15 or 18 characters with a key prefix (001 account, 003 contact, 005 user, 006 opportunity). */
const SALESFORCE_ID = /^(001|003|005|006|00Q|500|800)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

export interface SourceGuess {
  source: Source;
  /** 0..1 */
  confidence: number;
  scores: Record<Source, number>;
}

export function detectSource(headers: string[], sampleRows: string[][]): SourceGuess {
  const normalized = headers.map(normalizeHeader);
  const set = new Set(normalized);
  const scores = Object.fromEntries([...Object.keys(FINGERPRINTS), 'generic'].map((s) => [s, 0])) as Record<Source, number>;
  for (const [source, fp] of Object.entries(FINGERPRINTS) as [Exclude<Source, 'generic'>, Fingerprint][]) {
    for (const h of fp.strong) if (set.has(h)) scores[source] += 3;
    for (const h of fp.weak) if (set.has(h)) scores[source] += 1;
  }
  // Mixpanel marks its own properties with "$" and "mp_"; count them, capped so 200 properties do not dominate.
  const mixpanelOwn = headers.filter((h) => /^\$[a-z_]+$/.test(h.trim()) || /^mp_/.test(h.trim())).length;
  scores.mixpanel += Math.min(mixpanelOwn, 5) * 2;
  if (mixpanelOwn > 0 && scores.amplitude > 0 && set.has('eventtype')) scores.mixpanel -= 2; // Amplitude uses $insert_id too
  // Salesforce: 18-character record ids and the report footer.
  // Typeform's first column is "#" (each response's token); a question's text heads each other column.
  if (headers[0]?.trim() === '#' && set.has('submitdateutc')) scores.typeform += 3;
  const sfIds = sampleRows.slice(0, 20).filter((r) => r.some((c) => SALESFORCE_ID.test(c.trim()))).length;
  if (sfIds > 0) scores.salesforce += 4;
  const footer = createFooterCheck(headers.length);
  if (sampleRows.some((r) => /salesforce\.com/i.test(r.join(' ')) && footer(r) !== null)) scores.salesforce += 6;

  let best: Source = 'generic';
  let bestScore = 0;
  let second = 0;
  for (const s of Object.keys(scores) as Source[]) {
    if (scores[s] > bestScore) {
      second = bestScore;
      best = s;
      bestScore = scores[s];
    } else if (scores[s] > second) second = scores[s];
  }
  if (bestScore < 3) return { source: 'generic', confidence: bestScore === 0 ? 0.9 : 0.6, scores };
  const margin = (bestScore - second) / bestScore;
  return { source: best, confidence: Math.min(1, 0.5 + margin / 2 + Math.min(bestScore, 12) / 48), scores };
}
