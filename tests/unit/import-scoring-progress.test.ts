// After an import commits, the health history of the accounts it touched is recomputed ('scoring'): the job says
// how many accounts are done of those to do, through the import worker (the app's hosts) and in process (the CLI),
// so the Import screen and the terminal can show a real bar rather than a spinner.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import type { Host } from '../../src/main/services/context';
import type { ImportProgress } from '../../src/shared/contract';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let work: string;
let file: string;
beforeAll(async () => {
  work = tempDir('bearing-scoring-progress-');
  // A Pendo-shaped export (its ten columns) over 120 accounts: more than one chunk of accounts to recompute.
  file = path.join(work, 'pendo-export.csv');
  await writeEventsCsv(file, { rows: 6_000, users: 600, accounts: 120, shape: 'export' });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.each<Host>(['web', 'cli'])('the scoring phase of an import (host %s)', (host) => {
  it('reports the accounts whose history is recomputed, from none to all of them', async () => {
    const backend = tempBackend({ host });
    try {
      const scoring: { done: number; total: number }[] = [];
      const job = await runJob(backend, { path: file, timeZone: 'UTC' }, (p: ImportProgress) => {
        if (p.phase === 'scoring' && p.scoring) scoring.push({ ...p.scoring });
      });
      expect(job.summary.status).toBe('imported');
      // Counted apart from the job: the accounts the stored events name.
      const { accounts } = backend.database.sqlite.prepare('SELECT count(DISTINCT account_id) AS accounts FROM usage_events').get() as { accounts: number };
      expect(accounts).toBeGreaterThan(100);
      expect(scoring.length).toBeGreaterThanOrEqual(3);
      expect(scoring.every((s) => s.total === accounts)).toBe(true);
      expect(scoring[0].done).toBe(0);
      expect(scoring.at(-1)?.done).toBe(accounts);
      for (let i = 1; i < scoring.length; i++) expect(scoring[i].done).toBeGreaterThan(scoring[i - 1].done);
      // And the history is there for every one of them, today included.
      const scored = backend.database.sqlite.prepare('SELECT count(DISTINCT account_id) AS n FROM health_snapshots').get() as { n: number };
      expect(scored.n).toBe(accounts);
    } finally {
      backend.close();
      fs.rmSync(backend.dataDir, { recursive: true, force: true });
    }
  });
});
