import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/main/import/import-error';
import { fileSource, readRecordBatches, readRecords, type ReadRecordsOptions } from '../../src/main/import/records-stream';
import type { CsvRecord } from '../../src/main/import/types';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** A byte source that hands out `bytes` in pieces of `size` (1 = byte by byte: every boundary is exercised). */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Uint8Array>, options: Partial<ReadRecordsOptions> = {}): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readRecords(source, { delimiter: ',', ...options })) out.push(r);
  return out;
}

async function failure(source: AsyncIterable<Uint8Array>, options: Partial<ReadRecordsOptions> = {}) {
  const seen: CsvRecord[] = [];
  try {
    for await (const r of readRecords(source, { delimiter: ',', ...options })) seen.push(r);
  } catch (e) {
    if (e instanceof ImportError) return { code: e.code, line: e.line, message: e.message, seen };
    throw e;
  }
  throw new Error('no error');
}

describe('readRecords: physical line numbers', () => {
  it('counts blank lines and newlines inside quoted cells', async () => {
    const records = await collect(fileSource(fixture('quoted-multiline.csv')));
    expect(records.map((r) => r.line)).toEqual([2, 4, 8]);
    expect(records[0].fields).toEqual(['acme', 'Acme, Inc.', 'He said "hello"', 'u-1', '2025-03-04 09:00:00']);
    expect(records[1].fields[2]).toBe('line one\nline two\nline three');
    expect(records[2].fields[1]).toBe('Initech | "The" Company');
  });

  it('LF, CRLF, lone CR and a CRLF inside quotes', async () => {
    const records = await collect(fileSource(fixture('mixed-line-endings.csv')));
    expect(records.map((r) => [r.line, r.fields[0], r.fields[3]])).toEqual([
      [2, 'u-1', '1'],
      [3, 'u-2', '2'],
      [4, 'u-3', '3'],
      [5, 'u-4\nsecond line', '4'],
      [7, 'u-5', '5'],
    ]);
  });

  it('gives the same records whatever the chunk and slice sizes', async () => {
    // Quotes, doubled quotes, embedded CRLF/CR/LF, blank lines, UTF-8 characters of two, three and four bytes split
    // across reads and across the slices a read is cut into; past the 64 KB held to sniff the encoding, which are
    // decoded at once.
    let text = 'id,name,note\r\n';
    for (let i = 0; i < 6002; i++) {
      text += i % 7 === 0 ? `${i},"Näme ${i}","multi\r\nline ""${i}""\rend"\r\n` : i % 5 === 0 ? `${i},東京 🙂 ${i},x\n` : `${i},plain ${i},x\n`;
      if (i % 50 === 0) text += '\r\n';
    }
    const bytes = Buffer.from(text, 'utf8');
    const reference = await collect(chunks(bytes, bytes.length));
    expect(reference).toHaveLength(6002);
    expect(bytes.length).toBeGreaterThan(2 * 64 * 1024);
    expect(reference[0]).toEqual({ line: 2, fields: ['0', 'Näme 0', 'multi\nline "0"\nend'] });
    for (const [size, slice] of [
      [1, 1],
      [7, 16],
      [4096, 64],
      [4096, 333],
      [65_536, 1024 * 1024],
    ]) {
      expect(await collect(chunks(bytes, size), { sliceChars: slice })).toEqual(reference);
    }
    // The last record's line, counted independently on the normalized text.
    const last = reference[reference.length - 1];
    expect(last.fields[0]).toBe('6001');
    expect(reference.find((r) => r.fields[0] === '5')?.fields[1]).toBe('東京 🙂 5');
    expect(last.line).toBe(text.replace(/\r\n?/g, '\n').split('\n').indexOf('6001,plain 6001,x') + 1);
    // And the cells are papaparse's of the whole text at once (line breaks normalized as the reader does).
    const whole = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), { skipEmptyLines: true }).data.slice(1);
    expect(reference.map((r) => r.fields)).toEqual(whole);
  });

  it('reads UTF-16 LE and BE and Windows-1252 streams', async () => {
    const le = Buffer.from('\ufeffuser;day\r\nJosé;2025-03-03\r\nß;2025-03-04\r\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      expect(await collect(chunks(bytes, 3), { delimiter: ';' })).toEqual([
        { line: 2, fields: ['José', '2025-03-03'] },
        { line: 3, fields: ['ß', '2025-03-04'] },
      ]);
    }
    const cp1252 = Buffer.from([...Buffer.from('name\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x0a]);
    expect(await collect(chunks(cp1252, 2))).toEqual([{ line: 2, fields: ['José'] }]);
  });
});

describe('readRecords: bad files', () => {
  it('unterminated quote: yields the records before it, then names the line where the quote opens', async () => {
    const bytes = readFileSync(fixture('unterminated-quote.csv'));
    for (const size of [1, 16, bytes.length]) {
      const f = await failure(chunks(bytes, size), { sliceChars: 8 });
      expect(f).toMatchObject({ code: 'unterminated_quote', line: 4 });
      expect(f.message).toContain('line 4');
      expect(f.seen.map((r) => r.line)).toEqual([2, 3]);
    }
  });

  it('a quote opening on a later line of a multi-line record is located exactly', async () => {
    const text = 'a,b,c\n1,"two\nlines","never closed\nx\ny\n';
    expect(await failure(chunks(Buffer.from(text), 5))).toMatchObject({ code: 'unterminated_quote', line: 3 });
  });

  it('empty, header only, binary', async () => {
    expect((await failure(fileSource(fixture('empty.csv')))).code).toBe('empty_file');
    expect(await failure(fileSource(fixture('header-only.csv')))).toMatchObject({ code: 'no_data_rows', line: 1 });
    expect((await failure(fileSource(fixture('binary.bin')))).code).toBe('not_text');
    const nul = Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(100_000, 0)]);
    expect((await failure(chunks(nul, 4096))).code).toBe('not_text');
  });

  it('an unclosed quote in a huge file stops at maxRecordChars instead of filling memory', async () => {
    const text = `a,b\n1,2\n3,"open\n${'x,y\n'.repeat(100_000)}`;
    const f = await failure(chunks(Buffer.from(text), 4096), { maxRecordChars: 64 * 1024, sliceChars: 8192 });
    expect(f).toMatchObject({ code: 'unterminated_quote', line: 3 });
    expect(f.seen.map((r) => r.line)).toEqual([2]);
  });

  it('a record with no line end for longer than maxRecordChars -> record_too_large', async () => {
    const text = `a,b\n1,${'z'.repeat(200_000)}`;
    const f = await failure(chunks(Buffer.from(text), 4096), { maxRecordChars: 64 * 1024, sliceChars: 8192 });
    expect(f).toMatchObject({ code: 'record_too_large', line: 2 });
  });
});

describe('readRecords: big cells, wide files, cancel, streaming', () => {
  it('a 5 MB quoted cell with newlines, in 64 KB reads, within the test timeout and with the next line numbered right', async () => {
    const big = 'lorem ipsum, "dolor"\n'.repeat(250_000); // ~5.25 MB with 250k newlines and quotes
    const text = `id,body,n\n1,"${big.replace(/"/g, '""')}",x\n2,small,y\n`;
    const records = await collect(chunks(Buffer.from(text), 64 * 1024));
    expect(records).toHaveLength(2);
    expect(records[0].fields[1]).toBe(big);
    expect(records[0].line).toBe(2);
    expect(records[1]).toEqual({ line: 2 + 250_000 + 1, fields: ['2', 'small', 'y'] });
  });

  it('300 columns', async () => {
    const header = Array.from({ length: 300 }, (_, i) => `col_${i}`).join(',');
    const row = (r: number) => Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `"v ${r},${i}"` : `${r * i}`)).join(',');
    const text = `${header}\n${Array.from({ length: 200 }, (_, r) => row(r)).join('\n')}\n`;
    const records = await collect(chunks(Buffer.from(text), 1000));
    expect(records).toHaveLength(200);
    expect(records.every((r) => r.fields.length === 300)).toBe(true);
    expect(records[199]).toMatchObject({ line: 201 });
    expect(records[199].fields[3]).toBe('v 199,3');
  });

  it('reports bytes read with each batch, ending at the file size', async () => {
    const file = fixture('salesforce-accounts.csv');
    const batches = [];
    for await (const b of readRecordBatches(fileSource(file), { delimiter: ',' })) batches.push(b);
    expect(batches.at(-1)?.bytesRead).toBe(statSync(file).size);
    expect(batches.at(-1)?.recordsRead).toBe(9);
  });

  it('AbortSignal cancels between chunks', async () => {
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('a,b\n');
      for (;;) yield Buffer.from('1,2\n'.repeat(50_000));
    }
    let batches = 0;
    const run = async () => {
      for await (const _b of readRecordBatches(endless(), { delimiter: ',', signal: controller.signal })) {
        batches++;
        if (batches === 2) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'cancelled' });
    expect(batches).toBe(2);
  });

  it('streams a 50 MB file: batches arrive after a few MB are read and little is retained', async () => {
    const line = Buffer.from('acme,Acme Corporation,u-000001,ana@acme.example,Report Exported,2025-03-04 09:15:00,1.5,1\n');
    const total = 50 * 1024 * 1024;
    const piece = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
    let produced = 0;
    async function* generated(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('account_id,account_name,user_id,email,event,timestamp,minutes,count\n');
      while (produced < total) {
        produced += piece.length;
        yield piece;
      }
    }
    // A real collection before each measurement, so we compare what is retained, not garbage not yet collected.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let retained = 0;
    let producedAtFirstBatch = -1;
    let records = 0;
    let batches = 0;
    for await (const b of readRecordBatches(generated(), { delimiter: ',' })) {
      if (producedAtFirstBatch === -1) producedAtFirstBatch = produced;
      records += b.records.length;
      if (++batches % 10 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
      }
    }
    expect(records).toBe((produced / line.length) | 0);
    expect(producedAtFirstBatch).toBeLessThanOrEqual(3 * 1024 * 1024);
    // The whole file as a JS string would be 50 MB or more; streaming retains about one slice and its rows.
    expect(retained).toBeLessThan(16 * 1024 * 1024);
  });
});
