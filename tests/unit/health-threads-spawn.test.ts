// A helper thread that cannot even be started (a build without its entry) never fails a health-history refresh:
// the refreshing thread computes every account itself, and the rows are the ones it computes alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { helperCount } from '../../src/main/services/health-threads';
import { tempBackend } from '../helpers/backend';
import { BOOK_TODAY, fillRandomBook } from '../helpers/random-book';

vi.mock('../../src/main/services/worker-script', () => ({
  workerScript: () => {
    throw new Error('The health worker is missing from the build (looked for out/main/health-worker.js).');
  },
}));

const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
});

describe('a helper that cannot start', () => {
  it('leaves the whole refresh to the refreshing thread, with the rows it computes alone', () => {
    const b = tempBackend({ now: () => new Date(`${BOOK_TODAY}T12:00:00Z`) });
    open.push(b);
    fillRandomBook(b.database.sqlite, 21);
    const rows = () => b.database.sqlite.prepare(`SELECT account_id, day, score, status, ${SNAPSHOT_JSON} AS j FROM health_snapshots s ORDER BY 1, 2`).all();
    refreshHealthSnapshots(b.context, { helpers: 0 });
    const alone = rows();
    expect(alone.length).toBeGreaterThan(100);
    b.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
    const result = refreshHealthSnapshots(b.context, { helpers: 2 });
    expect(result.helped).toBe(0);
    expect(helperCount()).toBe(0);
    expect(rows()).toEqual(alone);
  });
});
