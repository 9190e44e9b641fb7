// Watched folders: a CSV that appears in (or changes in) a watched folder is imported with its remembered mapping
// and listed in the history with origin 'watch'; the same bytes are never imported twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { ImportRecord } from '../../src/shared/contract';
import { startWatching } from '../../src/main/services/watch';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { chooseFile, chooseFolder, runJob } from '../helpers/import-jobs';

const DAILY = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/import/daily-usage.csv'), 'utf8');

let backend: Backend | undefined;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  backend?.close();
  stop = backend = undefined;
});

async function history(b: Backend): Promise<ImportRecord[]> {
  return ok<ImportRecord[]>(b.api.invoke('imports.list', {}));
}

/** Polls the history until `done` holds (imports finish asynchronously after the settle delay). */
async function until(b: Backend, done: (list: ImportRecord[]) => boolean, ms = 15_000): Promise<ImportRecord[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const list = await history(b);
    if (done(list)) return list;
    if (Date.now() > deadline) throw new Error(`timed out; history: ${JSON.stringify(list.map((r) => [r.fileName, r.origin, r.status]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lets the watcher see and settle any change (settle 100 ms, twice, plus the import). */
const quiet = () => new Promise((r) => setTimeout(r, 800));

describe('watched folders', () => {
  it('imports a new CSV once, ignores the same bytes again, and imports a changed file (only its new rows)', async () => {
    backend = tempBackend();
    const b = backend;
    stop = startWatching(b.context, { settleMs: 100 });
    const folder = tempDir('bearing-watch-');
    const added = await ok<{ id: number; path: string; exists: boolean }>(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) }));
    expect(added).toMatchObject({ path: folder, exists: true });
    expect(await ok(b.api.invoke('watch.list', {}))).toEqual([added]);

    const file = path.join(folder, 'usage.csv');
    fs.writeFileSync(file, DAILY);
    const [first] = await until(b, (l) => l.length === 1 && l[0].status !== 'running');
    expect(first).toMatchObject({ fileName: 'usage.csv', origin: 'watch', status: 'imported', kind: 'daily_usage', rowsAccepted: 4 });

    // The same bytes: rewritten in place, and copied under another name. Neither is imported again.
    fs.writeFileSync(file, DAILY);
    fs.writeFileSync(path.join(folder, 'usage copy.csv'), DAILY);
    // Not a CSV: never looked at.
    fs.writeFileSync(path.join(folder, 'notes.docx'), 'not a csv');
    await quiet();
    expect(await history(b)).toHaveLength(1);

    // A changed export: one new row; the four it shares with the first are duplicates, not new data.
    fs.appendFileSync(file, 'u-3001,initech,2025-03-05,9,3\n');
    const list = await until(b, (l) => l.length === 2);
    expect(list[0]).toMatchObject({ fileName: 'usage.csv', origin: 'watch', status: 'imported', rowsAccepted: 1, rowsDuplicate: 4 });
    expect(b.database.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(5);
  });

  it('imports a Zendesk export dropped in the folder as tickets, and refuses a file that looks like nothing known (issue #15)', async () => {
    backend = tempBackend();
    const b = backend;
    const relationship = path.resolve(import.meta.dirname, '../fixtures/relationship');
    for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) await runJob(b, { path: path.join(relationship, name), timeZone: 'UTC' });
    stop = startWatching(b.context, { settleMs: 100 });
    const folder = tempDir('bearing-watch-');
    await ok(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) }));
    fs.copyFileSync(path.join(relationship, 'zendesk-tickets.csv'), path.join(folder, 'zendesk-tickets.csv'));
    const [tickets] = await until(b, (l) => l.length === 3 && l[0].status !== 'running');
    expect(tickets).toMatchObject({ fileName: 'zendesk-tickets.csv', origin: 'watch', kind: 'tickets', status: 'imported_with_rejections', rowsAccepted: 6, rowsRejected: 3 });
    fs.writeFileSync(path.join(folder, 'invoices.csv'), 'Invoice Number,Amount,Currency\nINV-1001,1200.00,EUR\n');
    const [unknown] = await until(b, (l) => l.length === 4 && l[0].status !== 'running');
    expect(unknown).toMatchObject({ fileName: 'invoices.csv', origin: 'watch', status: 'error', kind: 'unknown', rowsAccepted: 0 });
    expect(unknown.message).toContain('cannot tell what this file holds');
    expect(b.database.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(0);
  });

  it('imports a raw event export dropped in the folder: an Amplitude archive (.zip) and a Mixpanel export (.jsonl) (issue #15)', async () => {
    backend = tempBackend();
    const b = backend;
    stop = startWatching(b.context, { settleMs: 100 });
    const folder = tempDir('bearing-watch-');
    await ok(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) }));
    const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
    fs.copyFileSync(path.join(fixtures, 'amplitude-export.zip'), path.join(folder, 'amplitude-export.zip'));
    const [amplitude] = await until(b, (l) => l.length === 1 && l[0].status !== 'running');
    // 6 events over two hourly files, one a retry of another's $insert_id (see import-raw-events.test.ts).
    expect(amplitude).toMatchObject({ fileName: 'amplitude-export.zip', origin: 'watch', kind: 'events', source: 'amplitude', status: 'imported', rowsAccepted: 5 });
    fs.copyFileSync(path.join(fixtures, 'mixpanel-raw-export.jsonl'), path.join(folder, 'mixpanel-raw-export.jsonl'));
    const [mixpanel] = await until(b, (l) => l.length === 2 && l[0].status !== 'running');
    expect(mixpanel).toMatchObject({ fileName: 'mixpanel-raw-export.jsonl', origin: 'watch', source: 'mixpanel', rowsAccepted: 8, rowsRejected: 2 });
  });

  it('imports with the mapping remembered from a manual import of the same headers', async () => {
    backend = tempBackend();
    const b = backend;
    const manual = path.join(tempDir(), 'first.csv');
    fs.writeFileSync(manual, 'who,org,what,when_it_happened\nu-1,acme,Login,2025-03-04 09:00:00\n');
    const mapping = { userId: 'who', accountId: 'org', event: 'what', timestamp: 'when_it_happened' };
    await runJob(b, { path: manual, kind: 'events', mapping, timeZone: 'UTC' });

    stop = startWatching(b.context, { settleMs: 100 });
    const folder = tempDir('bearing-watch-');
    await ok(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) }));
    fs.writeFileSync(path.join(folder, 'next.csv'), 'who,org,what,when_it_happened\nu-2,acme,Export,2025-03-05 09:00:00\n');
    const [latest] = await until(b, (l) => l.length === 2);
    expect(latest).toMatchObject({ fileName: 'next.csv', origin: 'watch', status: 'imported', kind: 'events', mapping, rowsAccepted: 1 });
  });

  it('imports files already in a saved folder when watching starts', async () => {
    backend = tempBackend();
    const b = backend;
    const folder = tempDir('bearing-watch-');
    fs.writeFileSync(path.join(folder, 'waiting.csv'), DAILY);
    await ok(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) })); // saved while nothing watches (the CLI)
    await quiet();
    expect(await history(b)).toHaveLength(0);
    stop = startWatching(b.context, { settleMs: 100 });
    const [record] = await until(b, (l) => l.length === 1);
    expect(record).toMatchObject({ fileName: 'waiting.csv', origin: 'watch', rowsAccepted: 4 });
  });

  it('refuses a path, a folder nobody chose, a file, a link and a folder gone since, with a clear error; removes a folder', async () => {
    backend = tempBackend();
    const b = backend;
    const unknown = { ok: false, error: { code: 'unknown_folder', message: 'Bearing does not know this folder: choose it with Add folder….', line: null } };
    expect(await b.api.invoke('watch.add', { folder: `fh_${'a'.repeat(32)}` })).toEqual(unknown);
    expect(await b.api.invoke('watch.add', { folder: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await b.api.invoke('watch.add', { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const file = path.join(tempDir(), 'a.csv');
    fs.writeFileSync(file, DAILY);
    // A file's handle is not a folder's.
    expect(await b.api.invoke('watch.add', { folder: chooseFile(b, file) })).toEqual(unknown);
    const link = path.join(tempDir(), 'etc-link');
    fs.symlinkSync('/etc', link);
    expect(() => chooseFolder(b, link)).toThrow(/symbolic link/);
    const gone = tempDir('bearing-gone-');
    const goneHandle = chooseFolder(b, gone);
    fs.rmSync(gone, { recursive: true });
    expect(await b.api.invoke('watch.add', { folder: goneHandle })).toMatchObject({ ok: false, error: { code: 'file_not_found' } });
    expect(await ok(b.api.invoke('watch.list', {}))).toEqual([]);

    stop = startWatching(b.context, { settleMs: 100 });
    const folder = tempDir('bearing-watch-');
    const { id } = await ok<{ id: number }>(b.api.invoke('watch.add', { folder: chooseFolder(b, folder) }));
    expect(await ok(b.api.invoke('watch.remove', { id }))).toEqual({ removed: true });
    fs.writeFileSync(path.join(folder, 'after.csv'), DAILY);
    await quiet();
    expect(await history(b)).toHaveLength(0);
  });
});
