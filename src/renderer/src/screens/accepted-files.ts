// The files the importer reads: exports from analytics tools and CRMs are comma- or tab-separated text. Only the
// file dialog filters by these (the CSM can still switch it to all files): a file dropped on the window always
// goes to main, which says what is wrong with it ("This file is an image, not a CSV…") better than a silent
// refusal would.
// Calendars: Google Calendar's and Outlook's .ics export.
// Raw event exports: Mixpanel's JSON lines (.json, .jsonl, .ndjson, gzipped .gz) and Amplitude's .zip archive.
export const ACCEPTED_EXTENSIONS = '.csv,.tsv,.txt,.json,.jsonl,.ndjson,.gz,.zip,.ics,text/csv,text/tab-separated-values';
