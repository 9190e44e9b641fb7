import { describe, expect, it } from 'vitest';
import { assertText, detectEncoding, LineEndingNormalizer, TextChunkDecoder, utf8TailLength } from '../../src/main/import/decode';
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

  // All-ASCII chunks are read as Latin-1 rather than through TextDecoder: the text must be what TextDecoder alone
  // gives for the whole file, however the bytes are cut.
  const decodeChunks = (encoding: 'utf-8' | 'windows-1252', chunks: Uint8Array[]): string => {
    const d = new TextChunkDecoder(encoding);
    return chunks.map((c) => d.push(c)).join('') + d.end();
  };
  const bytesOf = (...parts: (string | number[])[]): Buffer[] => parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)));

  it('gives the same text as one TextDecoder over the whole file, for every way of cutting a mixed UTF-8 file', () => {
    const text = '\ufeffVisitor ID,Account Name\r\nu-1,"Müller, Zoë"\r\nu-2,東京 🚀\r\nu-3,plain ascii\r\n\ufeffu-4,\u00e9\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const expected = new TextDecoder('utf-8').decode(bytes).replace(/\r\n/g, '\n');
    let cuts = 0;
    for (let a = 1; a < bytes.length; a++) {
      for (const b of [a + 1, a + 2, a + 3, a + 7, bytes.length]) {
        if (b > bytes.length) continue;
        expect(decodeChunks('utf-8', [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)])).toBe(expected);
        cuts++;
      }
    }
    expect(cuts).toBeGreaterThan(200);
  });

  it('keeps a U+FEFF inside the file when the chunks before it were all ASCII (only the stream start is a BOM)', () => {
    expect(decodeChunks('utf-8', bytesOf('abc', 'de', [0xef, 0xbb, 0xbf], 'f'))).toBe('abcde\ufefff');
    expect(decodeChunks('utf-8', bytesOf([0xef, 0xbb, 0xbf], 'abc', [0xef, 0xbb, 0xbf, 0x64]))).toBe('abc\ufeffd');
  });

  it('replaces a character cut short by ASCII where it stands, as TextDecoder does', () => {
    // 0xC3 opens a two-byte character; the next chunk's 'y' ends it as invalid: U+FFFD before 'y', not at the end.
    expect(decodeChunks('utf-8', bytesOf('ab', [0x78, 0xc3], 'yz', 'w'))).toBe('abx\ufffdyzw');
    expect(decodeChunks('utf-8', bytesOf('ab', [0xf0, 0x9f], 'yz'))).toBe('ab\ufffdyz');
  });

  it('reads Windows-1252 chunks that are ASCII and chunks that are not alike', () => {
    expect(decodeChunks('windows-1252', bytesOf('Caf', [0xe9, 0x2c], 'na', [0x80], 'x\r', '\nend'))).toBe('Café,na€x\nend');
  });
});

describe('utf8TailLength', () => {
  it('counts the bytes of a character cut off at the end: a lead byte short of its continuation bytes', () => {
    const cases: [number[], number][] = [
      [[0x61], 0],
      [[0xc3], 1],
      [[0xc3, 0xa9], 0],
      [[0xe6, 0x9d], 2],
      [[0xe6, 0x9d, 0xb1], 0],
      [[0xf0, 0x9f, 0x9a], 3],
      [[0xf0, 0x9f, 0x9a, 0x80], 0],
      [[0x61, 0x80], 0], // a stray continuation byte: TextDecoder's to replace, nothing held
      [[0xff], 0],
      [[], 0],
    ];
    for (const [bytes, held] of cases) expect([bytes, utf8TailLength(Uint8Array.from(bytes))]).toEqual([bytes, held]);
  });
});

// Excel on Windows saves CSV as Windows-1252. A Salesforce report of a few thousand accounts has its first accented
// name well past the 64 KB sample, which, all ASCII, is valid UTF-8: the file must still be read as Windows-1252.
describe('TextChunkDecoder with a guessed UTF-8', () => {
  const guessed = (chunks: Uint8Array[]): { text: string; encoding: string } => {
    const d = new TextChunkDecoder('utf-8', false, true);
    const text = chunks.map((c) => d.push(c)).join('') + d.end();
    return { text, encoding: d.encoding };
  };
  const ascii = 'Account ID,Account Name\r\n' + Array.from({ length: 3000 }, (_, i) => `001${i},Plain Account ${i}\r\n`).join('');
  const rest = '0019,Müller Holzbau GmbH\r\n0020,Société Générale\r\n0021,Zoë Ltd\r\n';
  const expected = (ascii + rest).replace(/\r\n/g, '\n');
  const cutEvery = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

  it('reads a Windows-1252 file whose first accented name comes after an all-ASCII start, however it is cut', () => {
    const bytes = Buffer.from(ascii + rest, 'latin1'); // these characters are the same bytes in Windows-1252
    for (const size of [1, 2, 3, 7, 4096, 65536, bytes.length]) {
      expect([size, guessed(cutEvery(bytes, size))]).toEqual([size, { text: expected, encoding: 'windows-1252' }]);
    }
    // The accented byte last in one chunk and ASCII first in the next: neither UTF-8 nor a reason to replace it.
    const at = bytes.indexOf(0xfc); // ü
    expect(guessed([bytes.subarray(0, at + 1), bytes.subarray(at + 1)])).toEqual({ text: expected, encoding: 'windows-1252' });
    // The file ends on its first accented byte.
    expect(guessed([Buffer.from('a,b\r\nCaf\xe9', 'latin1')])).toEqual({ text: 'a,b\nCafé', encoding: 'windows-1252' });
  });

  it('keeps UTF-8 when the first bytes past ASCII are UTF-8, however it is cut', () => {
    const bytes = Buffer.from(ascii + rest, 'utf8');
    for (const size of [1, 2, 3, 7, 4096, 65536, bytes.length]) {
      expect([size, guessed(cutEvery(bytes, size))]).toEqual([size, { text: expected, encoding: 'utf-8' }]);
    }
  });

  it('replaces later bad bytes in a file that was UTF-8 first, as before', () => {
    const bytes = Buffer.concat([Buffer.from(`${ascii}0019,Müller\r\n`, 'utf8'), Buffer.from('0020,Soci\xe9t\xe9\r\n', 'latin1')]);
    const { text, encoding } = guessed(cutEvery(bytes, 4096));
    expect(encoding).toBe('utf-8');
    expect(text.endsWith('0019,Müller\n0020,Soci\ufffdt\ufffd\n')).toBe(true);
    // The same within one chunk: a valid character before the bad bytes decides for UTF-8.
    expect(guessed([Buffer.concat([Buffer.from('a,Zoë,', 'utf8'), Buffer.from('Caf\xe9\n', 'latin1')])])).toEqual({
      text: 'a,Zoë,Caf\ufffd\n',
      encoding: 'utf-8',
    });
  });

  it('is not open when the encoding was not guessed: a UTF-8 file named so keeps its replacement characters', () => {
    const d = new TextChunkDecoder('utf-8');
    expect(d.push(Buffer.from('abc,', 'latin1')) + d.push(Buffer.from('Caf\xe9\n', 'latin1')) + d.end()).toBe('abc,Caf\ufffd\n');
    expect(d.encoding).toBe('utf-8');
  });
});
