// Where an import's wall time goes, phase by phase, for `npm run bench:import` (issue #17, point 3). Time is charged
// to one phase at a time: entering a phase closes the one before, so the phases add up to the whole job. Off
// unless a benchmark asks (measureImportPhases), in which case it costs two clock reads per row.
export const IMPORT_PHASES = ['read', 'validate', 'resolve', 'write', 'rollup', 'commit', 'other'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
export type PhaseTimes = Record<ImportPhase, number>;

export class PhaseClock {
  readonly ms: PhaseTimes = { read: 0, validate: 0, resolve: 0, write: 0, rollup: 0, commit: 0, other: 0 };
  private current: ImportPhase = 'other';
  private last = performance.now();

  /** Charges the time since the last switch to the phase being left; answers that phase (to return to it). */
  enter(phase: ImportPhase): ImportPhase {
    const now = performance.now();
    this.ms[this.current] += now - this.last;
    this.last = now;
    const left = this.current;
    this.current = phase;
    return left;
  }
}

let requested: PhaseClock | null = null;

/**
 * Times the next import started from this thread: run in process, or in the import worker, which times it there
 * and answers the figures (import-runner.ts). The benchmark reads the clock's `ms` after the job.
 */
export function measureImportPhases(): PhaseClock {
  requested = new PhaseClock();
  return requested;
}

/** The clock for an import starting now, if one was asked for (taken once). */
export function takePhaseClock(): PhaseClock | null {
  const clock = requested;
  requested = null;
  return clock;
}
