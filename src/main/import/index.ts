// The importer's core, in the order a job uses it:
//   const sniff = await sniffFile(path);                                  // encoding, separator, header, samples
//   const samples = sniff.sampleRows.map((r) => r.fields);
//   const shape = detectShape(sniff.headers, samples, { delimiter: sniff.delimiter });   // kind + source
//   const mapping = saved ?? suggestMapping(shape.kind, shape.source, sniff.headers, samples, { stats: shape.stats });
//   const columnFormats = detectColumnFormats(sniff.headers, samples, { delimiter: sniff.delimiter, source: shape.source });
//   const validate = createRowValidator({ kind, mapping, headers: sniff.headers, timeZone, now, columnFormats });
//   for await (const batch of readRecordBatches(fileSource(path, signal), { delimiter: sniff.delimiter, encoding: sniff.encoding, signal }))
//     for (const { line, fields } of batch.records) { const r = validate(fields, line); ... }   // progress: batch.bytesRead
// No database here: the job owns the transaction, dedupe and rollups.
export * from './types';
export { ImportError, isImportError } from './import-error';
export { detectEncoding, assertText, LineEndingNormalizer, TextChunkDecoder, SNIFF_BYTES } from './decode';
export { sniffFile, sniffBytes, guessDelimiter, type SniffResult, type SniffOptions } from './sniff';
export { readRecordBatches, readRecords, fileSource, type RecordBatch, type ReadRecordsOptions } from './records-stream';
export * from './dates';
export { zoneClock, type ZoneClock, type WallTime } from './zone-clock';
export * from './numbers';
export { cleanHeaders, normalizeHeader, headerSignature } from './headers';
export { KIND_SPECS, fieldKeys, fieldSpec, missingRequired, type FieldSpec, type FieldType, type KindSpec } from './fields';
export { detectSource, SALESFORCE_ID, type SourceGuess } from './sources';
export { detectShape, type ShapeGuess } from './shapes';
export { suggestMapping, sanitizeMapping } from './mapping';
export { detectColumnFormats, columnStats, type ColumnFormat, type ColumnFormats, type ColumnStats } from './column-formats';
export { normalizeRole } from './roles';
export { createFooterCheck } from './footer';
export { createRowValidator, isAnonymousId, groupValue, type RowValidator, type ValidatorOptions } from './validate';
export { previewRows, type PreviewLine } from './preview';
export { neutralizeCell, toCsv, type CsvCell, type ToCsvOptions } from './csv-safety';
