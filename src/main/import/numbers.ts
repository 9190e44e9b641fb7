// Numbers as people and tools write them: 1,234.56 / 1.234,56 / 1 234,56 / 1'234.56, currency symbols and codes
// ($ € £ USD), accounting negatives (1,234.00), percentages, Excel's 1.5E+06, and durations as h:mm:ss. Which of
// "." and "," is the decimal separator is decided per column from its samples (1.234 alone cannot tell).
export type DecimalSeparator = '.' | ',';

const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(?:,\d+)?$/;
const SYMBOLS: Record<string, string> = {
  $: 'USD', 'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'A$': 'AUD', AU$: 'AUD', 'NZ$': 'NZD', 'R$': 'BRL', 'S$': 'SGD', 'HK$': 'HKD',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', 'zł': 'PLN', kr: 'SEK', Fr: 'CHF', 'Fr.': 'CHF',
};
const CODES = new Set(['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'JPY', 'INR', 'BRL', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'SGD', 'HKD', 'ZAR', 'MXN', 'CNY', 'KRW', 'ILS', 'AED']);
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'VND', 'UGX', 'XOF', 'XAF']);
const CURRENCY_RE = /^(US\$|CA\$|C\$|AU\$|A\$|NZ\$|R\$|S\$|HK\$|[$€£¥₹₩]|[A-Z]{3}(?=[\s\d(\-−+.]))\s*|\s*([$€£¥₹₩]|zł|kr|Fr\.?|[A-Z]{3})$/;

export interface NumberParse {
  /** null for an empty cell; NaN when the text is not a number. */
  value: number | null;
  /** Currency the cell named (symbol or ISO code), if any. */
  currency: string | null;
  percent: boolean;
}

function stripCurrency(s: string): { rest: string; currency: string | null } {
  let rest = s;
  let currency: string | null = null;
  for (let i = 0; i < 2; i++) {
    const m = CURRENCY_RE.exec(rest);
    if (!m) break;
    const token = (m[1] ?? m[2]).trim();
    const code = SYMBOLS[token] ?? (CODES.has(token) ? token : null);
    if (code === null) break;
    currency ??= code;
    rest = (m.index === 0 ? rest.slice(m[0].length) : rest.slice(0, m.index)).trim();
  }
  return { rest, currency };
}

/** Checks thousands grouping (1,234,567 or the Indian 12,34,567) so "1,2,3" is not read as 123. */
function groupedOk(intPart: string, sep: string): boolean {
  if (intPart.indexOf(sep) === -1) return /^\d+$/.test(intPart);
  const groups = intPart.split(sep);
  if (!/^\d{1,3}$/.test(groups[0])) return false;
  const last = groups[groups.length - 1];
  if (!/^\d{3}$/.test(last)) return false;
  const middle = groups.slice(1, -1);
  return middle.every((g) => /^\d{3}$/.test(g)) || middle.every((g) => /^\d{2}$/.test(g));
}

function unsigned(s: string, decimal: DecimalSeparator): number {
  const thousands = decimal === '.' ? ',' : '.';
  let body = s;
  let exponent = 0;
  const e = /[eE]([+-]?\d{1,3})$/.exec(body);
  if (e) {
    exponent = Number(e[1]);
    body = body.slice(0, e.index);
  }
  const di = body.lastIndexOf(decimal);
  let intPart = di === -1 ? body : body.slice(0, di);
  let frac = di === -1 ? '' : body.slice(di + 1);
  if (di !== -1 && frac === '') return NaN;
  // A lone "other" separator that cannot be thousands (1.5 in a decimal-comma column) is a decimal point.
  if (di === -1) {
    const parts = intPart.split(thousands);
    if (parts.length === 2 && parts[1].length !== 3) {
      intPart = parts[0];
      frac = parts[1];
    }
  }
  if (intPart === '' && frac !== '') intPart = '0';
  if (!groupedOk(intPart, thousands) || !/^\d*$/.test(frac)) return NaN;
  const n = Number(`${intPart.split(thousands).join('')}${frac ? `.${frac}` : ''}`);
  return exponent ? n * 10 ** exponent : n;
}

/** Parses a number with its currency and percent sign; see NumberParse. */
export function parseNumberDetailed(raw: string, decimal: DecimalSeparator): NumberParse {
  let s = raw.trim();
  if (s === '') return { value: null, currency: null, percent: false };
  if (decimal === '.' ? PLAIN_DOT.test(s) : PLAIN_COMMA.test(s)) {
    return { value: Number(decimal === '.' ? s : s.replace(',', '.')), currency: null, percent: false };
  }
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = /^[-−+]/.exec(s);
  if (sign) {
    negative = negative || sign[0] !== '+';
    s = s.slice(1).trim();
  }
  const { rest, currency } = stripCurrency(s);
  s = rest;
  // One sign only: before the currency ("-$5"), after it ("$-5") or trailing as some ERPs write it ("5-").
  const signed = negative || sign !== null;
  if (/^[-−+]/.test(s)) {
    if (signed || currency === null) return { value: NaN, currency, percent: false };
    negative = s[0] !== '+';
    s = s.slice(1).trim();
  } else if (/[-−]$/.test(s)) {
    if (signed) return { value: NaN, currency, percent: false };
    negative = true;
    s = s.slice(0, -1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/[\s\u00a0\u202f'’]/g, ''); // spaces and apostrophes only ever group thousands
  if (s === '' || !/^[\d.,]+(?:[eE][+-]?\d{1,3})?$/.test(s)) return { value: NaN, currency, percent };
  let value = unsigned(s, decimal);
  if (percent) value /= 100;
  return { value: negative ? -value : value, currency, percent };
}

/** A number, null for an empty cell, NaN for text. */
export function parseNumber(raw: string, decimal: DecimalSeparator = '.'): number | null {
  return parseNumberDetailed(raw, decimal).value;
}

export type MoneyResult = { ok: true; minor: number; currency: string } | { ok: false } | null;

/**
 * Money in integer minor units (cents) and an ISO currency: the symbol or code in the cell wins, else
 * `defaultCurrency`. "1.2M" and "150k" are accepted (CSMs type ARR that way). null for an empty cell.
 */
export function parseMoney(raw: string, decimal: DecimalSeparator, defaultCurrency = 'USD'): MoneyResult {
  let s = raw.trim();
  if (s === '') return null;
  let scale = 1;
  const suffix = /^(.*\d)\s*([kKmMbB]|mn|bn)$/.exec(s);
  if (suffix && !/[A-Z]{3}$/.test(s)) {
    const u = suffix[2].toLowerCase();
    scale = u === 'k' ? 1e3 : u === 'm' || u === 'mn' ? 1e6 : 1e9;
    s = suffix[1];
  }
  const n = parseNumberDetailed(s, decimal);
  if (n.value === null || Number.isNaN(n.value) || n.percent) return { ok: false };
  const currency = n.currency ?? defaultCurrency;
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return { ok: true, minor: Math.round(n.value * scale * 10 ** digits), currency };
}

/**
 * A duration in minutes: a number, or h:mm:ss / h:mm:ss.fff (never mm:ss, which cannot be told from h:mm).
 * null for an empty cell, NaN for text; negative values are returned as such for the caller to reject.
 */
export function parseMinutes(raw: string, decimal: DecimalSeparator = '.'): number | null {
  const s = raw.trim();
  const hms = /^(-)?(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(s);
  if (hms) {
    const m = Number(hms[2]) * 60 + Number(hms[3]) + Number(hms[4]) / 60;
    return hms[1] ? -m : m;
  }
  return parseNumber(s, decimal);
}

/**
 * The decimal separator of a column from its samples: a value with both marks uses the last as decimal, "1,5"
 * or "1.5" (not three digits after) is decisive, "1.234.567" says "." groups thousands. Undecided -> fallback
 * (the caller passes "," for a semicolon-separated or dd.mm.yyyy file, "." otherwise).
 */
export function detectDecimalSeparator(samples: string[], fallback: DecimalSeparator = '.'): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const raw of samples) {
    const s = raw.replace(/[^\d.,]/g, '');
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot !== -1 && lastComma !== -1) {
      if (lastComma > lastDot) comma++;
      else dot++;
      continue;
    }
    const sep = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
    if (sep === null) continue;
    const parts = s.split(sep);
    const decisive = parts.length > 2 ? 'thousands' : parts[1].length !== 3 ? 'decimal' : null;
    if (decisive === null) continue;
    if ((sep === ',') === (decisive === 'decimal')) comma++;
    else dot++;
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return fallback;
}
