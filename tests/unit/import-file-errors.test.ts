// Issue #13, point 9: errors that say what happened. Before, a file with 100,000 columns or 200 MB without a line
// break was "empty", a folder or a named pipe was "cannot find", and UTF-16 without a BOM was "not text". Every
// fixture is made here, in a temp folder, by code (the 200 MB one streamed, and removed afterwards).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { detectEncoding } from '../../src/main/import/decode';
import { sniffFile } from '../../src/main/import/sniff';
import { AppError } from '../../src/shared/errors';
import { failure, tempBackend, tempDir } from '../helpers/backend';
import { importJson, runCli } from '../helpers/cli-process';
import { chooseFile, runJob } from '../helpers/import-jobs';

const EVENTS = 'account_id,user_id,event,timestamp\nacme,u-1,Login,2025-03-04 09:00:00\nacme,u-2,Export,2025-03-04 10:00:00\n';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tempDir('bearing-file-errors-');
  const header = Array.from({ length: 100_000 }, (_, i) => `col${i}`).join(',');
  fs.writeFileSync(at('wide.csv'), `${header}\n${Array.from({ length: 100_000 }, () => '1').join(',')}\n`);
  // 200 MB on one line, written a megabyte at a time.
  const fd = fs.openSync(at('one-line.csv'), 'w');
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < 200; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  fs.mkdirSync(at('folder.csv'));
  execFileSync('mkfifo', [at('pipe.csv')]);
  fs.writeFileSync(at('utf16le.csv'), Buffer.from(EVENTS, 'utf16le'));
  fs.writeFileSync(at('utf16be.csv'), Buffer.from(EVENTS, 'utf16le').swap16());
  fs.writeFileSync(at('empty.csv'), '');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let backend: Backend | undefined;
afterEach(() => backend?.close());

async function sniffError(file: string): Promise<AppError> {
  try {
    await sniffFile(file);
  } catch (error) {
    return AppError.from(error);
  }
  throw new Error(`${file} should have been refused`);
}

describe('sniffing a file that is not an ordinary CSV', () => {
  it('a header of 100,000 columns: too_many_columns on line 1, not "empty"', async () => {
    const e = await sniffError(at('wide.csv'));
    expect(e.toJSON()).toEqual({
      code: 'too_many_columns',
      message:
        'Line 1 has 100,000 columns; Bearing reads files of up to 5,000. Check that the file is a table separated by , ; tab or |, or export only the columns you need.',
      line: 1,
    });
  });

  it('200 MB without a line break: line_too_long after reading 16 MB, not "empty"', async () => {
    const e = await sniffError(at('one-line.csv'));
    expect(e.toJSON()).toEqual({
      code: 'line_too_long',
      message:
        'Line 1 does not end within the first 16 MB of the file: there is no line break, so this is not a CSV export (or its line breaks were lost). Open it in a text editor, or export it again as CSV.',
      line: 1,
    });
  });

  it('a folder and a named pipe are "not a file", a missing path "cannot find", and the pipe is never opened', async () => {
    expect((await sniffError(at('folder.csv'))).toJSON()).toEqual({
      code: 'not_a_file',
      message: `${at('folder.csv')} is a folder, not a file. Choose the CSV files inside it (or watch the folder in Settings).`,
      line: null,
    });
    // Opening a FIFO would wait for a writer forever: the answer comes at once.
    expect((await sniffError(at('pipe.csv'))).toJSON()).toEqual({
      code: 'not_a_file',
      message: `${at('pipe.csv')} is not a regular file (it is a named pipe). Save the export as a file on disk and import that file.`,
      line: null,
    });
    expect((await sniffError(at('missing.csv'))).code).toBe('file_not_found');
    expect((await sniffError(at('empty.csv'))).code).toBe('empty_file');
  });

  it('reads UTF-16 without a BOM, little- and big-endian, as UTF-16', async () => {
    for (const [file, encoding] of [['utf16le.csv', 'utf-16le'], ['utf16be.csv', 'utf-16be']] as const) {
      const sniff = await sniffFile(at(file));
      expect(sniff.encoding, file).toBe(encoding);
      expect(sniff.hasBom).toBe(false);
      expect(sniff.headers).toEqual(['account_id', 'user_id', 'event', 'timestamp']);
      expect(sniff.sampleRows.map((r) => r.fields[2])).toEqual(['Login', 'Export']);
    }
  });

  it('does not take binary with scattered NULs, or UTF-8 text, for UTF-16', () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = i % 3 === 0 ? 0 : 65 + (i % 26);
    expect(detectEncoding(binary).encoding).not.toMatch(/utf-16/);
    expect(detectEncoding(Buffer.from(EVENTS)).encoding).toBe('utf-8');
  });
});

describe('through the API', () => {
  it('a folder or a pipe is refused when chosen (the handle a host asks for), by name, and nothing is recorded', async () => {
    backend = tempBackend();
    const b = backend;
    const refusal = (file: string) => {
      try {
        chooseFile(b, file);
      } catch (error) {
        return AppError.from(error).toJSON();
      }
      throw new Error(`${file} was accepted`);
    };
    expect(refusal(at('folder.csv'))).toMatchObject({ code: 'not_a_file', message: expect.stringContaining('folder.csv is a folder') });
    expect(refusal(at('pipe.csv'))).toMatchObject({ code: 'not_a_file', message: expect.stringContaining('pipe.csv is not a regular file (it is a named pipe)') });
    expect(refusal(at('pipe.csv')).message).not.toContain(dir);
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
  });

  it('a file replaced by a folder after it was chosen is refused by import.inspect and import.start', async () => {
    backend = tempBackend();
    const moving = path.join(tempDir(), 'usage.csv');
    fs.writeFileSync(moving, EVENTS);
    const file = chooseFile(backend, moving);
    fs.rmSync(moving);
    fs.mkdirSync(moving);
    for (const method of ['import.inspect', 'import.start']) {
      expect(await failure(backend, method, { file })).toMatchObject({ code: 'file_changed' });
    }
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
  });

  it('an import of the 100,000-column file fails with its reason in the history; UTF-16 without a BOM imports', async () => {
    backend = tempBackend();
    const wide = await runJob(backend, { path: at('wide.csv'), timeZone: 'UTC' });
    expect(wide.summary).toMatchObject({ status: 'error', error: { code: 'too_many_columns', line: 1 } });
    const utf16 = await runJob(backend, { path: at('utf16le.csv'), timeZone: 'UTC' });
    expect(utf16.summary).toMatchObject({ status: 'imported', rowsAccepted: 2 });
    const events = backend.database.sqlite.prepare('SELECT count(*) AS n FROM usage_events').get();
    expect(events).toEqual({ n: 2 });
  });
});

describe('from the CLI', () => {
  // Subprocesses are slow on a shared machine: one case per path to an exit code (refused before the job, failed
  // in the job, imported), the others are the same paths with other codes (checked through the API above).
  it('exits non-zero with the specific code, and 0 for UTF-16 without a BOM', async () => {
    const [pipe, oneLine, utf16] = await Promise.all([
      importJson<{ status: string; error: { code: string } | null }>(at('pipe.csv'), tempDir()),
      importJson<{ status: string; error: { code: string } | null }>(at('one-line.csv'), tempDir()),
      importJson<{ status: string; rowsAccepted: number }>(at('utf16be.csv'), tempDir()),
    ]);
    expect(pipe.code).toBe(1);
    expect(pipe.json).toMatchObject({ status: 'error', error: { code: 'not_a_file' } });
    expect(pipe.stderr).toContain('is not a regular file (it is a named pipe)');
    expect(oneLine.code).toBe(1);
    expect(oneLine.json).toMatchObject({ status: 'error', error: { code: 'line_too_long', line: 1 } });
    expect(utf16.code).toBe(0);
    expect(utf16.json).toMatchObject({ status: 'imported', rowsAccepted: 2 });
  }, 60_000);

  it('refuses words a command does not take, and a data folder it cannot open, with a non-zero exit', async () => {
    const [extra, store] = await Promise.all([
      runCli(['health', '12'], tempDir()),
      runCli(['accounts', '--json'], path.join(at('empty.csv'), 'data')),
    ]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('health does not take "12". Usage: npm run -s cli -- health [--account ID|CRM-ID]');
    expect(store.code).toBe(1);
    expect(store.stderr).toContain('Bearing cannot open its data in');
    expect(JSON.parse(store.stdout)).toMatchObject({ status: 'error' });
  }, 60_000);
});
