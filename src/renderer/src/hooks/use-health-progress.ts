// The health history being recomputed in main's background (after a catalogue change, an import, on start), as
// main reports it ('health.progress': accounts done of total): the latest report (the last one has done = total),
// null before any. Kept once for the page, so a view that mounts half-way shows where it stands.
import { useSyncExternalStore } from 'react';
import type { HealthProgress } from '../../../shared/contract';
import { on } from '../api/client';

let latest: HealthProgress | null = null;
const listeners = new Set<() => void>();
let subscribed = false;

function subscribe(listener: () => void): () => void {
  if (!subscribed) {
    subscribed = true;
    on('health.progress', (p) => {
      latest = p;
      for (const l of listeners) l();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHealthProgress(): HealthProgress | null {
  return useSyncExternalStore(subscribe, () => latest);
}

/** Percent done (0–100) of a report; 0 before the first chunk. */
export function percentOf(p: HealthProgress | null): number {
  return p === null || p.total <= 0 ? 0 : Math.min(100, Math.round((p.done / p.total) * 100));
}
