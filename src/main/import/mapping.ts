// Column mapping suggestions: each canonical field of the kind gets the header that best matches by name (the
// usual export headers, plus a bonus for the source's own names) and by values (an email field should hold
// emails, a date field dates, a number field numbers). Each header is used once; the best pairs are taken first.
import { columnStats, defaultDecimal, type ColumnStats } from './column-formats';
import { fieldKeys, KIND_SPECS, type FieldSpec } from './fields';
import { normalizeHeader } from './headers';
import { commentColumn, scoreColumn } from './survey-columns';
import type { ColumnMapping, Delimiter, Kind, Source } from './types';

/** Headers a source uses for a field, normalized; preferred over generic aliases for that source. */
const SOURCE_PREFERENCES: Partial<Record<Source, Record<string, string[]>>> = {
  pendo: { userId: ['visitorid'], accountId: ['accountid'], event: ['trackeventname', 'trackevent', 'event', 'eventname', 'pagename', 'page'], feature: ['featurename', 'feature'], day: ['day', 'date'], events: ['numberofevents', 'numevents'], minutes: ['numberofminutes', 'numminutes'] },
  mixpanel: { userId: ['userid', 'mpuserid', 'distinctid', 'propertiesuserid', 'propertiesdistinctid'], deviceId: ['deviceid', 'propertiesdeviceid'], timestamp: ['time', 'propertiestime'], event: ['event'], accountId: ['companyid', 'accountid', 'groupid', 'propertiescompanyid', 'propertiesaccountid', 'propertiesgroupid'], email: ['propertiesemail'] },
  amplitude: { userId: ['userid'], deviceId: ['deviceid', 'amplitudeid'], timestamp: ['eventtime', 'clienteventtime'], event: ['eventtype'], accountId: ['groups', 'groupscompany', 'groupscompanyid', 'groupsaccount', 'groupsaccountid', 'accountid', 'companyid'], email: ['userpropertiesemail'] },
  salesforce: { externalId: ['accountid', 'accountidcasesafe', 'contactid', 'id'], name: ['accountname'], owner: ['accountowner'], arr: ['arr', 'annualrecurringrevenue', 'annualrevenue'], stage: ['type', 'accounttype'], accountName: ['accountname'] },
  hubspot: { externalId: ['recordid'], name: ['companyname', 'name'], owner: ['companyowner', 'contactowner'], stage: ['lifecyclestage'], contractStart: ['becameacustomerdate', 'closedate'], accountName: ['associatedcompany', 'companyname'], accountId: ['associatedcompanyids', 'associatedcompanyid'] },
};

const MIN_SCORE = 30;

/** How well a header's name fits a field: 100 for the best alias, less for later aliases, 40 for a containing match. */
export function nameScore(field: FieldSpec, normalizedHeader: string, source: Source = 'generic'): number {
  if (normalizedHeader === '') return 0;
  const preferred = SOURCE_PREFERENCES[source]?.[field.key];
  const p = preferred?.indexOf(normalizedHeader) ?? -1;
  if (p !== -1) return 130 - p * 2;
  const i = field.aliases.indexOf(normalizedHeader);
  if (i !== -1) return 100 - i * 2;
  for (let j = 0; j < field.aliases.length; j++) {
    const a = field.aliases[j];
    // Containing matches only for long aliases: "clienteventtime" must not match "client".
    if (a.length >= 7 && normalizedHeader.includes(a)) return 45 - j;
  }
  return 0;
}

/** How well a column's sample values fit a field type (negative when they clearly do not). */
export function valueScore(field: FieldSpec, stats: ColumnStats): number {
  if (stats.nonEmpty === 0) return 0;
  switch (field.type) {
    case 'email':
      return stats.emailRatio >= 0.5 ? 20 * stats.emailRatio : -80;
    case 'instant':
    case 'date':
      return stats.date.dateRatio >= 0.5 ? 20 * stats.date.dateRatio : -80;
    case 'count':
    case 'minutes':
    case 'money':
      return stats.numberRatio >= 0.5 ? 15 * stats.numberRatio : -80;
    case 'currency':
      return stats.examples.every((e) => /^[A-Za-z]{3}$/.test(e.trim())) ? 20 : -60;
    case 'id':
      // Ids are single tokens: a column of dates or of multi-word names ("Acme Corporation") is something else.
      if (stats.date.dateRatio > 0.8 && !stats.date.epoch) return -40;
      return stats.spaceRatio > 0.5 ? -25 : 0;
    case 'person':
      // Display names are words: "Anna Schmidt", not "u-1001", an e-mail or a date.
      if (stats.emailRatio > 0.3 || stats.date.dateRatio > 0.5) return -80;
      return stats.spaceRatio > 0.5 ? 10 : -60;
    case 'text':
      if (stats.date.dateRatio > 0.8) return -40;
      if (stats.numberRatio > 0.9) return -10;
      return stats.spaceRatio > 0.5 ? 5 : 0;
  }
}

export interface SuggestOptions {
  delimiter?: Delimiter;
  /** Precomputed statistics (detectShape already has them). */
  stats?: ColumnStats[];
}

/**
 * Suggests a header for every canonical field of `kind` (null when none fits). The result has every field of
 * the kind as a key, in display order.
 */
export function suggestMapping(kind: Kind, source: Source, headers: string[], sampleRows: string[][], options: SuggestOptions = {}): ColumnMapping {
  const stats = options.stats ?? columnStats(headers, sampleRows, defaultDecimal(options.delimiter ?? ',', sampleRows));
  const normalized = headers.map(normalizeHeader);
  const candidates: { field: string; header: number; score: number }[] = [];
  for (const field of KIND_SPECS[kind].fields) {
    normalized.forEach((h, i) => {
      let byName = nameScore(field, h, source);
      // A column full of email addresses is the email whatever its name ("Contact", "Login").
      if (byName === 0 && field.type === 'email' && stats[i].emailRatio >= 0.9) byName = 30;
      if (byName === 0) return;
      const score = byName + valueScore(field, stats[i]);
      if (score >= MIN_SCORE) candidates.push({ field: field.key, header: i, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.header - b.header);
  const mapping: ColumnMapping = Object.fromEntries(fieldKeys(kind).map((k) => [k, null]));
  const usedHeaders = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || usedHeaders.has(c.header)) continue;
    mapping[c.field] = headers[c.header];
    usedHeaders.add(c.header);
  }
  if (kind === 'surveys') suggestSurveyQuestions(mapping, headers, sampleRows);
  return mapping;
}

/** A survey tool heads its score and comment columns with the questions: found by their wording and values. */
function suggestSurveyQuestions(mapping: ColumnMapping, headers: string[], sampleRows: string[][]): void {
  const score = scoreColumn(headers, sampleRows);
  if (score === null) return;
  if (mapping.score === null || mapping.score === undefined) mapping.score = headers[score.index];
  const comment = commentColumn(headers, sampleRows, score.index);
  if ((mapping.comment === null || mapping.comment === undefined) && comment !== -1 && !Object.values(mapping).includes(headers[comment])) mapping.comment = headers[comment];
}

/**
 * A mapping from outside (the mapping screen, a saved mapping) made safe for this file: only the kind's fields,
 * only headers that exist, each header at most once (the first field keeps it), every field present.
 */
export function sanitizeMapping(kind: Kind, mapping: Record<string, unknown>, headers: string[]): ColumnMapping {
  const known = new Set(headers);
  const used = new Set<string>();
  const out: ColumnMapping = {};
  for (const key of fieldKeys(kind)) {
    const h = mapping[key];
    if (typeof h === 'string' && known.has(h) && !used.has(h)) {
      out[key] = h;
      used.add(h);
    } else out[key] = null;
  }
  return out;
}
