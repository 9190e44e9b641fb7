// The demo book's loading as main reports it (a click on "Load the demo book", or the first start's background
// load): the latest step, or null when none is running. Kept once for the page, so a component that mounts
// half-way (the banner appears when the first accounts are in) shows the current step, not nothing.
import { useSyncExternalStore } from 'react';
import type { DemoProgress } from '../../../shared/contract';
import { on } from '../api/client';

let latest: DemoProgress | null = null;
const listeners = new Set<() => void>();
let subscribed = false;

function subscribe(listener: () => void): () => void {
  if (!subscribed) {
    subscribed = true;
    on('demo.progress', (p) => {
      latest = p.done < p.total ? p : null;
      for (const l of listeners) l();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDemoProgress(): DemoProgress | null {
  return useSyncExternalStore(subscribe, () => latest);
}
