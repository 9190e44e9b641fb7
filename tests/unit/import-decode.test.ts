import { describe, expect, it } from 'vitest';
import { assertText, detectEncoding, LineEndingNormalizer, TextChunkDecoder } from '../../src/main/import/decode';
import { ImportError } from '../../src/main/import/import-error';

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof ImportError ? e.code : 'not an ImportError';
  }
}

describe('detectEncoding', () => {
  it('reads the byte order marks', () => {
    expect(detectEncoding(Buffer.from('\ufeffa,b\n', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(utf16('a,b\n', 'le'))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(utf16('a,b\n', 'be'))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('takes valid UTF-8 without BOM as UTF-8 and anything else as Windows-1252', () => {
    expect(detectEncoding(Buffer.from('name\nJosé Müller\n', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])).encoding).toBe('windows-1252'); // "José" in cp1252
  });

  it('does not call UTF-8 invalid when the sample cuts a character in half', () => {
    const bytes = Buffer.from('aé', 'utf8'); // 61 c3 a9
    expect(detectEncoding(bytes.subarray(0, 2), false).encoding).toBe('utf-8');
  });
});

describe('assertText', () => {
  it('refuses NUL bytes, control characters and known binary formats with not_text', () => {
    const nul = Buffer.from('a,b\n1,\u0000\n', 'latin1');
    expect(codeOf(() => assertText(nul, detectEncoding(nul)))).toBe('not_text');
    const control = Buffer.alloc(1000, 0x01);
    expect(codeOf(() => assertText(control, detectEncoding(control)))).toBe('not_text');
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(() => assertText(xlsx, detectEncoding(xlsx))).toThrow(/Excel workbook/);
  });

  it('accepts UTF-16 text (its NUL bytes are half of each character)', () => {
    const b = utf16('a,b\n1,2\n', 'le');
    expect(codeOf(() => assertText(b, detectEncoding(b)))).toBeNull();
  });
});

describe('LineEndingNormalizer', () => {
  it('turns CRLF and lone CR into LF', () => {
    const n = new LineEndingNormalizer(true);
    expect(n.push('a\r\nb\rc\nd') + n.flush()).toBe('a\nb\nc\nd');
    expect([n.crlf, n.loneCr]).toEqual([1, 1]);
  });

  it('keeps a CRLF split across chunks as one line break', () => {
    const n = new LineEndingNormalizer();
    expect(n.push('a\r') + n.push('\nb') + n.flush()).toBe('a\nb');
  });

  it('treats a CR at a chunk end followed by text as a line break of its own', () => {
    const n = new LineEndingNormalizer();
    expect(n.push('a\r') + n.push('b\r') + n.push('\r\n') + n.flush()).toBe('a\nb\n\n');
    const end = new LineEndingNormalizer();
    expect(end.push('a\r') + end.flush()).toBe('a\n');
  });
});

describe('TextChunkDecoder', () => {
  it('decodes UTF-8 split inside a character and drops the BOM', () => {
    const bytes = Buffer.from('\ufeffname\r\nJosé\r\n', 'utf8');
    const d = new TextChunkDecoder('utf-8');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.push(bytes.subarray(i, i + 1));
    expect(out + d.end()).toBe('name\nJosé\n');
  });

  it('decodes UTF-16 LE and BE one byte at a time', () => {
    for (const endian of ['le', 'be'] as const) {
      const bytes = utf16('a;b\r\nü;ß\r\n', endian);
      const d = new TextChunkDecoder(endian === 'le' ? 'utf-16le' : 'utf-16be');
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += d.push(bytes.subarray(i, i + 1));
      expect(out + d.end()).toBe('a;b\nü;ß\n');
    }
  });

  it('decodes Windows-1252', () => {
    const d = new TextChunkDecoder('windows-1252');
    expect(d.push(Buffer.from([0x80, 0x20, 0xe9])) + d.end()).toBe('€ é');
  });
});
