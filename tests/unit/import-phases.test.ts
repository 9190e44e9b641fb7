// bench:import's line per phase (issue #17, point 3): the phase clock charges the import's wall time to read,
// validate, resolve, write, rollup, commit and other, one at a time, so the lines add up to the job. Checked on a
// real import through the CLI host (in process), against the job's own duration measured outside it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import { IMPORT_PHASES, measureImportPhases, PhaseClock, takePhaseClock } from '../../src/main/import/phase-clock';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let file = '';
const backend = tempBackend();
beforeAll(async () => {
  file = path.join(tempDir(), 'pendo-events.csv');
  await writeEventsCsv(file, { rows: 20_000, users: 300, accounts: 12 });
});
afterAll(() => backend.close());

describe('the phase clock', () => {
  it('charges each stretch of time to the phase it was in', async () => {
    const clock = new PhaseClock();
    clock.enter('read');
    await new Promise((r) => setTimeout(r, 30));
    expect(clock.enter('commit')).toBe('read');
    await new Promise((r) => setTimeout(r, 15));
    clock.enter('other');
    expect(clock.ms.read).toBeGreaterThanOrEqual(25);
    expect(clock.ms.commit).toBeGreaterThanOrEqual(10);
    expect(clock.ms.validate).toBe(0);
  });

  it('times one import of a usage file, every phase of it, adding up to the job', async () => {
    const phases = measureImportPhases();
    const started = performance.now();
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    const wall = performance.now() - started;
    expect(job.summary.counts.accepted).toBe(20_000);
    for (const phase of IMPORT_PHASES.filter((p) => p !== 'other')) expect(phases.ms[phase], phase).toBeGreaterThan(0);
    const total = IMPORT_PHASES.reduce((sum, p) => sum + phases.ms[p], 0);
    // Inside the job's wall time, and most of it (the rest is the job queue and the health history after it).
    expect(total).toBeLessThanOrEqual(wall);
    expect(total).toBeGreaterThanOrEqual(job.summary.durationMs * 0.9);
    // Taken once: the next import is not timed.
    expect(takePhaseClock()).toBeNull();
  });
});
