// Bytes -> text. Detects the encoding from the byte order mark (or UTF-16's pattern of NULs), refuses binary files before anything is parsed,
// decodes chunk by chunk (a multi-byte character split across chunks is carried by TextDecoder's stream mode)
// and turns CRLF and lone CR into LF so the CSV parser sees one line ending and a physical line is one '\n'.
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { ImportError } from './import-error';
import type { TextEncodingName } from './types';

/** How much of the file the sniffing and binary checks look at. */
export const SNIFF_BYTES = 64 * 1024;

export interface EncodingInfo {
  encoding: TextEncodingName;
  /** Bytes of the byte order mark at the start of the file (0, 2 or 3). */
  bomLength: number;
}

/**
 * The encoding of a file from its first bytes. A BOM decides; without one the sample must be valid UTF-8, else
 * the file is taken as Windows-1252, which is what Excel on Windows writes when it "saves as CSV".
 */
export function detectEncoding(head: Uint8Array, headIsWholeFile = false): EncodingInfo {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(head, headIsWholeFile) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/**
 * UTF-16 saved without a BOM (some exporters and PowerShell's redirections write it): text that is mostly ASCII
 * has a NUL in every other byte, high bytes in UTF-16BE, low bytes in UTF-16LE. Over the first 4 KB, the NULs must
 * sit almost all on one side and fill most of it; a binary file's NULs are spread, and is refused as not text.
 */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // stream: true tolerates a character cut in half at the end of a partial sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook or a ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (.gz) file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'a database file' },
];

/**
 * Throws `not_text` when the first bytes are not text: a known binary signature, or more than 5 % control
 * characters (NUL included) other than tab, line feed, carriage return and form feed. A stray NUL or escape code
 * in a CSV (a CRM field pasted from elsewhere) is text with a flaw: it is imported and the character removed (see
 * src/shared/clean-text.ts). UTF-16 files, half NUL bytes, are recognised (by BOM or pattern) before this check.
 */
export function assertText(head: Uint8Array, info: EncodingInfo): void {
  for (const m of MAGIC) {
    if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) {
      throw new ImportError('not_text', `This file is ${m.what}, not a CSV. Export or save it as CSV and import that.`);
    }
  }
  if (info.encoding === 'utf-16le' || info.encoding === 'utf-16be') return;
  const n = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > 0.05) {
    throw new ImportError('not_text', 'This file is not text (too many control characters), so it cannot be a CSV.');
  }
}

/**
 * Turns CRLF and lone CR into LF across chunk boundaries: a CR at the end of a chunk is held back until the next
 * chunk shows whether an LF follows, so "\r" + "\n" split over two reads becomes one line break, not two.
 */
export class LineEndingNormalizer {
  private pendingCr = false;
  /** What was seen, for the sniff report (counted only when asked: counting costs ~15 % on CRLF files). */
  crlf = 0;
  loneCr = 0;

  constructor(private readonly count = false) {}

  push(text: string): string {
    let s = text;
    if (s === '') return ''; // a decoder may return nothing (half a UTF-16 character): keep any pending CR
    if (this.pendingCr) {
      this.pendingCr = false;
      if (s.charCodeAt(0) === 10) {
        this.crlf++;
        s = s.slice(1);
      } else this.loneCr++;
      s = `\n${s}`;
    }
    if (s.indexOf('\r') === -1) return s;
    if (s.charCodeAt(s.length - 1) === 13) {
      this.pendingCr = true;
      s = s.slice(0, -1);
    }
    if (!this.count) return s.replace(/\r\n?/g, '\n');
    return s.replace(/\r\n?/g, (m) => {
      if (m.length === 2) this.crlf++;
      else this.loneCr++;
      return '\n';
    });
  }

  /** The end of the input: a held-back CR was a line break of its own. */
  flush(): string {
    if (!this.pendingCr) return '';
    this.pendingCr = false;
    this.loneCr++;
    return '\n';
  }
}

/**
 * A streaming decoder for one encoding: bytes in, LF-normalized text out, nothing buffered beyond a character.
 *
 * UTF-8 guessed from a sample without a BOM (`guessed`) may be wrong: the sample of a Windows-1252 file whose
 * first accented name comes after it is all ASCII, and so valid UTF-8. While every byte so far is ASCII the
 * encoding stays open: the first bytes that are not decide, UTF-8 when they are valid UTF-8 and Windows-1252 when
 * they are not (what came before reads alike in both). `encoding` then says which.
 */
export class TextChunkDecoder {
  private decoder: TextDecoder;
  readonly normalizer: LineEndingNormalizer;
  /** Whether ASCII bytes are their own characters in this encoding (not in UTF-16). */
  private readonly singleByteAscii: boolean;
  private started = false;
  /** The last chunk given to TextDecoder ended inside a UTF-8 character: the next bytes must go to it. */
  private heldBack = false;
  /** Guessed UTF-8, and nothing but ASCII decoded so far: the decoder is fatal, to tell UTF-8 from Windows-1252. */
  private undecided: boolean;
  /** While undecided: the start of a character cut off at the end of the bytes so far (held by the decoder). */
  private tail: Uint8Array | null = null;

  constructor(
    public encoding: TextEncodingName,
    countLineEndings = false,
    guessed = false,
  ) {
    this.normalizer = new LineEndingNormalizer(countLineEndings);
    this.undecided = guessed && encoding === 'utf-8';
    // ignoreBOM false (the default) drops the BOM at the start of the stream for UTF-8 and UTF-16.
    this.decoder = new TextDecoder(encoding, { fatal: this.undecided });
    this.singleByteAscii = encoding === 'utf-8' || encoding === 'windows-1252';
  }

  push(bytes: Uint8Array): string {
    // Most exports are all ASCII, where UTF-8 and Windows-1252 read each byte as its own character: read as
    // Latin-1 such a chunk is the same text, 5–10× faster than TextDecoder's stream mode (0.3–0.5 s of a 127 MB
    // file). Not the first chunk (TextDecoder drops a BOM only at the start of its stream, so it must have seen
    // that start), and not while TextDecoder holds the start of a character cut off by the previous chunk.
    if (this.started && !this.heldBack && this.singleByteAscii && isAscii(bytes)) {
      return this.normalizer.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
    }
    if (bytes.length > 0) this.started = true;
    if (this.undecided) return this.normalizer.push(this.decide(bytes));
    if (this.encoding === 'utf-8') this.heldBack = utf8TailLength(bytes) > 0;
    return this.normalizer.push(this.decoder.decode(bytes, { stream: true }));
  }

  /** Bytes while the encoding is open: decoded as UTF-8 if they are, else the rest of the file as Windows-1252. */
  private decide(bytes: Uint8Array): string {
    const held = this.tail === null ? bytes : Buffer.concat([this.tail, bytes]);
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      // Not UTF-8 throughout. Valid UTF-8 characters before the bad bytes make it a UTF-8 file with a flaw (the bad
      // bytes replaced, as before); none, and it is Windows-1252.
      const loose = new TextDecoder('utf-8', { ignoreBOM: true });
      const read = loose.decode(held, { stream: true });
      if (!VALID_NOT_ASCII.test(read)) return this.fallBack(held);
      this.undecided = false;
      this.decoder = loose;
      this.tail = null;
      this.heldBack = utf8TailLength(held) > 0;
      return read;
    }
    const tail = utf8TailLength(held);
    this.tail = tail > 0 ? held.slice(held.length - tail) : null;
    this.heldBack = tail > 0;
    // A whole character past ASCII, and valid: UTF-8 it is. Later bad bytes are replaced, as in any UTF-8 file.
    if (NOT_ASCII.test(text)) {
      this.undecided = false;
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      if (this.tail !== null) this.decoder.decode(this.tail, { stream: true });
      this.tail = null;
    }
    return text;
  }

  private fallBack(held: Uint8Array): string {
    this.undecided = false;
    this.encoding = 'windows-1252';
    this.decoder = new TextDecoder('windows-1252');
    this.tail = null;
    this.heldBack = false;
    return this.decoder.decode(held, { stream: true });
  }

  end(): string {
    let rest: string;
    try {
      rest = this.decoder.decode();
    } catch {
      // The file ends inside what would have been its first UTF-8 character: it was not UTF-8.
      rest = this.fallBack(this.tail ?? new Uint8Array(0)) + this.decoder.decode();
    }
    return this.normalizer.push(rest) + this.normalizer.flush();
  }
}

const NOT_ASCII = /[\u0080-\uffff]/;
/** A character past ASCII other than the replacement character. */
const VALID_NOT_ASCII = /[\u0080-\ufffc\ufffe\uffff]/;

/**
 * How many bytes at the end form an incomplete UTF-8 sequence: a lead byte followed by fewer continuation bytes
 * than it announces (0 when none). A stray continuation byte or an invalid lead is TextDecoder's to replace.
 */
export function utf8TailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const length = b >= 0xf5 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Decodes a complete byte sample (used by sniffing); a BOM and a trailing partial character are handled. */
export function decodeSample(bytes: Uint8Array, encoding: TextEncodingName, complete: boolean): { text: string; normalizer: LineEndingNormalizer } {
  const d = new TextChunkDecoder(encoding, true);
  let text = d.push(bytes);
  if (complete) text += d.end();
  return { text, normalizer: d.normalizer };
}
