// Calendar files (.ics, RFC 5545) as Google Calendar and Outlook export them, read with ical.js into the same
// records as a CSV: one row per meeting that took place (a recurring series gives one row per occurrence, its
// moved or cancelled occurrences as the calendar says), with fixed columns the meetings kind maps. A record's line
// is the line of the event's BEGIN:VEVENT, so a refused meeting is found in the file.
import ICAL from 'ical.js';
import { ImportError } from './import-error';
import type { CsvRecord, Source } from './types';

/** The columns of a calendar file, as the mapping screen shows them. */
export const ICS_HEADERS = ['UID', 'Recurrence ID', 'Start', 'End', 'Summary', 'Organizer', 'Attendees', 'Status'] as const;

/** A series expands to at most this many occurrences (a daily stand-up over years is not a customer's history). */
const MAX_OCCURRENCES = 400;

export interface IcsRecords {
  records: CsvRecord[];
  source: Source;
}

/** True when the text opens as an iCalendar file. */
export function looksLikeIcs(text: string): boolean {
  return /^BEGIN:VCALENDAR\r?\n/i.test(text.replace(/^\ufeff/, '').trimStart());
}

/** The tool that wrote the calendar, from its PRODID ("-//Google Inc//Google Calendar 70.9054//EN", Outlook's). */
function sourceOf(prodId: string): Source {
  if (/google/i.test(prodId)) return 'google_calendar';
  if (/microsoft|outlook|exchange/i.test(prodId)) return 'outlook';
  return 'generic';
}

/** ISO instant of a time (UTC), or the calendar day of an all-day event. */
function isoOf(time: ICAL.Time): string {
  if (time.isDate) return time.toString();
  return time.toJSDate().toISOString().replace('.000Z', 'Z');
}

/** "mailto:ana@contoso.com" -> "ana@contoso.com"; a CN without an address says nothing of a company. */
function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^mailto:(.+)$/i.exec(value.trim());
  const address = (m ? m[1] : value).trim().toLowerCase();
  return address.includes('@') ? address : null;
}

/** Lines (1-based) of each BEGIN:VEVENT, in file order (ical.js keeps components in that order). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  const all = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < all.length; i++) if (/^BEGIN:VEVENT\s*$/i.test(all[i])) lines.push(i + 1);
  return lines;
}

/** Every meeting of the calendar up to `until` (epoch ms): the file's whole history, never its future beyond that. */
export function readIcs(text: string, until: number): IcsRecords {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\ufeff/, '')));
  } catch (error) {
    throw new ImportError('not_text', `This calendar file cannot be read (${error instanceof Error ? error.message : String(error)}). Export the calendar again as .ics.`, 1);
  }
  // The file's own time zones (Outlook names them "W. Europe Standard Time"): known before any time is read.
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = root.getAllSubcomponents('vevent');
  const lines = eventLines(text.replace(/^\ufeff/, ''));
  const lineOf = new Map(vevents.map((c, i) => [c, lines[i] ?? 1]));
  // Moved or cancelled occurrences (RECURRENCE-ID) belong to their series: related to it, not read on their own.
  const series = new Map<string, ICAL.Event>();
  for (const c of vevents) if (!c.hasProperty('recurrence-id')) series.set(String(c.getFirstPropertyValue('uid') ?? ''), new ICAL.Event(c));
  for (const c of vevents) {
    if (!c.hasProperty('recurrence-id')) continue;
    const parent = series.get(String(c.getFirstPropertyValue('uid') ?? ''));
    if (parent) parent.relateException(c);
  }
  const records: CsvRecord[] = [];
  const row = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time | null, recurrence: string) => {
    const attendees = component.getAllProperties('attendee').map((p) => addressOf(p.getFirstValue())).filter((a): a is string => a !== null);
    const organizer = addressOf(component.getFirstPropertyValue('organizer'));
    const status = String(component.getFirstPropertyValue('status') ?? '');
    records.push({
      line: lineOf.get(component) ?? 1,
      fields: [
        String(component.getFirstPropertyValue('uid') ?? ''),
        recurrence,
        isoOf(start),
        end ? isoOf(end) : '',
        String(component.getFirstPropertyValue('summary') ?? ''),
        organizer ?? '',
        [...new Set(attendees)].join('; '),
        status,
      ],
    });
  };
  for (const component of vevents) {
    const event = new ICAL.Event(component);
    if (component.hasProperty('recurrence-id')) {
      // An exception whose series is not in the file is a meeting of its own.
      if (!series.has(event.uid)) row(component, event.startDate, event.endDate, isoOf(event.recurrenceId));
      continue;
    }
    if (!event.isRecurring()) {
      row(component, event.startDate, event.endDate, '');
      continue;
    }
    const it = event.iterator();
    for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES; next = it.next(), n++) {
      if (next.toJSDate().getTime() > until) break;
      const details = event.getOccurrenceDetails(next);
      row(details.item.component, details.startDate, details.endDate, isoOf(details.recurrenceId));
    }
  }
  return { records, source: sourceOf(String(root.getFirstPropertyValue('prodid') ?? '')) };
}
