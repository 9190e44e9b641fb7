// One catalogue change at a time for Settings › Features. Each change re-derives the stored usage and rescores
// health in main, which can take seconds on a big book: the section shows what is running, with the rescoring's
// percentage as main reports it ('health.progress'), and every control waits (no double submits); then the undo
// notification, and the lists refetch (main's `changed` event, and here once more so the section never shows the
// catalogue as it was).
import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import type { CatalogueChange, HealthProgress, MethodInput } from '../../../shared/contract';
import { call, isClientError } from '../api/client';
import { notifyDeleted } from '../components/undo-notification';
import { percentOf, useHealthProgress } from '../hooks/use-health-progress';

const BUSY_NOTIFICATION = 'catalogue-busy';

export type CatalogueMethod = 'features.update' | 'features.create' | 'features.merge' | 'features.assignEvent' | 'features.removeEvent';

export interface ChangeResult {
  change?: CatalogueChange;
  /** The contract's message when the change was refused (e.g. a rename to a name another feature has). */
  error?: string;
}

export interface CatalogueChanges {
  /**
   * Runs one change; refused (with no call) while another runs. A refusal is shown as a notification unless
   * `inline` (the caller shows it by its field).
   */
  run<K extends CatalogueMethod>(label: string, method: K, input: MethodInput<K>, options?: { inline?: boolean }): Promise<ChangeResult>;
  /** What is running, in the CSM's words ("Merging Viewed Dashboard into Dashboards"), or null. */
  busy: string | null;
  /** While busy: the health history's rescoring, percent done (0 until main reports the first accounts). */
  percent: number;
  /** The last change that went through: its words and what it did. */
  last: { label: string; change: CatalogueChange } | null;
}

export function useCatalogueChange(onChanged: () => void): CatalogueChanges {
  const [busy, setBusy] = useState<string | null>(null);
  const [last, setLast] = useState<CatalogueChanges['last']>(null);
  const running = useRef(false);
  const progress = useHealthProgress();
  // The report in hand when the change started belongs to an earlier recompute: 0 % until main sends a new one.
  const before = useRef<HealthProgress | null>(null);

  const run = useCallback(
    async <K extends CatalogueMethod>(label: string, method: K, input: MethodInput<K>, options: { inline?: boolean } = {}): Promise<ChangeResult> => {
      if (running.current) return { error: 'Another change is still being applied: wait for it to finish.' };
      running.current = true;
      before.current = progress;
      setBusy(label);
      // Seen wherever the CSM has scrolled to (the section's own status is at its top).
      notifications.show({
        id: BUSY_NOTIFICATION,
        loading: true,
        title: `${label}…`,
        message: 'Re-deriving usage and rescoring health',
        autoClose: false,
        withCloseButton: false,
      });
      try {
        const change = (await call(method, input)) as CatalogueChange;
        setLast({ label, change });
        notifyDeleted(change.undo);
        onChanged();
        return { change };
      } catch (error) {
        const message = isClientError(error) ? error.message : String(error);
        if (!options.inline) notifications.show({ color: 'red', title: 'Could not change the feature catalogue', message, autoClose: 10_000 });
        return { error: message };
      } finally {
        notifications.hide(BUSY_NOTIFICATION);
        running.current = false;
        setBusy(null);
      }
    },
    [onChanged, progress],
  );

  return { run, busy, last, percent: busy === null || progress === before.current ? 0 : percentOf(progress) };
}
