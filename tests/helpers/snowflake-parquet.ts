// A daily usage rollup written as Snowflake's COPY INTO … FILE_FORMAT = (TYPE = PARQUET) types it: VARCHAR ids
// as UTF8 byte arrays, DATE days as INT32 DATE, NUMBER counts as INT64. One writer for the test and the benchmark.
import { parquetWriteFile } from 'hyparquet-writer';

export interface RollupColumns {
  account: string[];
  user: string[];
  day: Date[];
  event: string[];
  events: bigint[];
}

export function writeSnowflakeRollup(filename: string, cols: RollupColumns, rowGroupSize: number): void {
  parquetWriteFile({
    filename,
    columnData: [
      { name: 'ACCOUNT_ID', data: cols.account },
      { name: 'USER_ID', data: cols.user },
      { name: 'DAY', data: cols.day },
      { name: 'EVENT_NAME', data: cols.event },
      { name: 'EVENTS', data: cols.events },
    ],
    schema: [
      { name: 'root', num_children: 5 },
      { name: 'ACCOUNT_ID', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'USER_ID', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'DAY', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
      { name: 'EVENT_NAME', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'EVENTS', type: 'INT64', repetition_type: 'REQUIRED' },
    ],
    rowGroupSize,
  });
}
