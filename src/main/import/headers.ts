// Header names: cleaned for display, made unique (a mapping points at a header by name, so two "Email" columns
// must be told apart), normalized for matching, and hashed into the signature a saved mapping is found by.
import { createHash } from 'node:crypto';
import { stripControlChars } from '../../shared/clean-text';

/** Trims, drops a stray BOM and control characters, and gives blank headers a name the CSM can recognise ("Column 7"). */
export function cleanHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = stripControlChars(h.replace(/^\ufeff/, '')).text.replace(/\s+/g, ' ').trim();
    if (name === '') name = `Column ${i + 1}`;
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * The form headers are compared in: lower case, accents and punctuation removed, so "Visitor ID", "visitorId",
 * "visitor_id" and "$visitor_id" all read "visitorid".
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A stable hash of the header SET (order and case do not matter; reordered columns keep their saved mapping,
 * a file with one more or one fewer column does not).
 */
export function headerSignature(headers: string[]): string {
  const set = [...new Set(headers.map((h) => h.replace(/^\ufeff/, '').replace(/\s+/g, ' ').trim().toLowerCase()))].sort();
  return createHash('sha256').update(set.join('\u0001')).digest('hex').slice(0, 32);
}
