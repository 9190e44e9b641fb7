// Text for the PDF's built-in Helvetica, which only knows the Windows-1252 (WinAnsi) characters: the few typographic
// signs the deck uses are spelled out, anything else becomes "?" rather than a wrong glyph. (Embedding a Unicode
// font would lift this; Bearing ships none today.)
import type PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

const SPELLED: Record<string, string> = { '−': '-', '→': '->', '≥': '>=', '≤': '<=', '★': '*', '✓': 'v', '\u00a0': ' ', '\u202f': ' ' };
/** Characters above U+00FF that Windows-1252 has (curly quotes, dashes, ellipsis, euro, bullet, …). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += SPELLED[ch] ?? (code <= 0xff || WIN_ANSI_EXTRA.has(ch) ? ch : '?');
  }
  return out;
}

/** The text cut with "…" to fit one line of the given width in the current font and size. */
export function fitLine(doc: Pdf, text: string, width: number): string {
  const t = pdfText(text);
  if (doc.widthOfString(t) <= width) return t;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${t.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${t.slice(0, lo).trimEnd()}…`;
}
