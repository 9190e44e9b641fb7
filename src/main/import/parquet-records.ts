// Parquet files (a warehouse's rollup exported by Snowflake, BigQuery or Databricks), read with hyparquet — a
// maintained reader, not a hand-written one — one row group at a time, so memory follows the row group, not the
// file. Each row becomes the same {line, fields} record a CSV line does, numbered by row (the first row is 1), with
// the file's column names as headers; values are written as the CSV of the same data would hold them.
import { createReadStream } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ImportError } from './import-error';
import type { SourceBatch } from './json-records';
import type { CsvRecord } from './types';

/** Parquet's magic bytes, at the start (and end) of every Parquet file. */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** A cell as text: dates as YYYY-MM-DD (an instant at UTC midnight) or ISO 8601, 64-bit integers in full. */
export function parquetCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

async function open(path: string): Promise<{ file: AsyncBuffer; metadata: FileMetaData; headers: string[] }> {
  const file = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new ImportError('not_text', `This Parquet file cannot be read (${(e as Error).message}). Export it again from the warehouse.`);
  }
  const root = metadata.schema[0];
  const headers: string[] = [];
  // Top-level columns: the schema's children of the root, skipping each nested group's own children.
  let i = 1;
  for (let c = 0; c < (root.num_children ?? 0); c++) {
    const el = metadata.schema[i];
    headers.push(el.name);
    i += 1 + descendants(metadata, i);
  }
  return { file, metadata, headers };
}

function descendants(metadata: FileMetaData, at: number): number {
  let n = 0;
  const children = metadata.schema[at].num_children ?? 0;
  let i = at + 1;
  for (let c = 0; c < children; c++) {
    const d = descendants(metadata, i);
    n += 1 + d;
    i += 1 + d;
  }
  return n;
}

async function rows(file: AsyncBuffer, metadata: FileMetaData, rowStart: number, rowEnd: number): Promise<unknown[][]> {
  let out: unknown[][] = [];
  await parquetRead({ file, metadata, rowStart, rowEnd, compressors, rowFormat: 'array', onComplete: (r: unknown[][]) => (out = r) });
  return out;
}

/** The headers and the first rows, for detection, mapping and the preview. */
export async function sniffParquet(path: string, sampleRows = 100): Promise<{ headers: string[]; sampleRows: CsvRecord[]; complete: boolean; numRows: number }> {
  const { file, metadata, headers } = await open(path);
  const numRows = Number(metadata.num_rows);
  if (numRows === 0) throw new ImportError('no_data_rows', 'The Parquet file has columns but no rows.');
  const first = await rows(file, metadata, 0, Math.min(sampleRows, numRows));
  return { headers, sampleRows: first.map((r, i) => ({ line: i + 1, fields: r.map(parquetCell) })), complete: numRows <= sampleRows, numRows };
}

/** Every row, a row group at a time; `onFileBytes` sees the file's bytes first (for the import's hash). */
export async function* readParquetBatches(path: string, options: { signal?: AbortSignal; onFileBytes?: (b: Uint8Array) => void; sizeBytes: number }): AsyncGenerator<SourceBatch, void, undefined> {
  if (options.onFileBytes) for await (const b of createReadStream(path, { highWaterMark: 1024 * 1024 })) options.onFileBytes(b as Buffer);
  const { file, metadata } = await open(path);
  const numRows = Number(metadata.num_rows);
  let start = 0;
  for (const group of metadata.row_groups) {
    if (options.signal?.aborted) throw new ImportError('cancelled', 'The import was cancelled.');
    const end = start + Number(group.num_rows);
    const values = await rows(file, metadata, start, end);
    const records = values.map((r, i) => ({ line: start + i + 1, fields: r.map(parquetCell) }));
    start = end;
    yield { records, recordsRead: end, bytesRead: Math.round((options.sizeBytes * end) / Math.max(1, numRows)) };
  }
}
