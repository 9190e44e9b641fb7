// The health model's settings as the CSM edits them, before Save. The draft holds only the fields the CSM
// changed (a patch of top-level keys), never a full copy: a field saved elsewhere meanwhile (the stage lengths and
// QBR cadence, which 'settings.update' writes into the same store) is then never overwritten by a stale copy.
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { MetricsSettings } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';

type Patch = Partial<MetricsSettings>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a draft would break, in the CSM's words; the server checks the same and more. */
function problems(settings: MetricsSettings): string[] {
  const out: string[] = [];
  const weights = Object.values(settings.weights);
  if (weights.every((w) => w === 0)) out.push('At least one health weight must be above 0.');
  if (settings.thresholds.yellow > settings.thresholds.green) out.push('The yellow threshold must not be above the green one.');
  return out;
}

export function useMetricsDraft() {
  const stored = useQuery('health.settings.get', {});
  const [patch, setPatch] = useState<Patch>({});
  const saved = stored.data?.settings;

  // Fields set back to their saved value drop out of the patch, so "dirty" means "would change something".
  const changes = useMemo(() => {
    if (!saved) return {};
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) if (!same(value, saved[key as keyof MetricsSettings])) out[key] = value;
    return out;
  }, [patch, saved]);
  const current: MetricsSettings | undefined = useMemo(() => (saved ? { ...saved, ...patch } : undefined), [saved, patch]);
  const dirty = Object.keys(changes).length > 0;
  const issues = current && dirty ? problems(current) : [];

  // Sliders move many times a second; the preview recomputes every account's health, so it waits for a pause.
  const [debounced] = useDebouncedValue(changes, 350);
  const previewReady = dirty && issues.length === 0 && same(debounced, changes);
  const preview = useQuery('health.settings.preview', { settings: debounced }, { enabled: dirty && issues.length === 0 && Object.keys(debounced).length > 0 });

  const set = useMutation('health.settings.set', {
    errorTitle: 'Could not save the health settings',
    successMessage: ({ preview: p }) =>
      p.changed === 0 ? 'Health settings saved. No account changed status.' : `Health settings saved. ${p.changed} ${p.changed === 1 ? 'account' : 'accounts'} changed status.`,
  });

  const update = useCallback(<K extends keyof MetricsSettings>(key: K, value: MetricsSettings[K]) => setPatch((p) => ({ ...p, [key]: value })), []);
  const discard = useCallback(() => setPatch({}), []);
  const resetToDefaults = useCallback(() => {
    if (stored.data) setPatch({ ...stored.data.defaults });
  }, [stored.data]);
  const save = useCallback(async () => {
    if (await set.mutate({ settings: changes })) setPatch({});
  }, [set, changes]);

  return {
    current,
    defaults: stored.data?.defaults,
    error: stored.error,
    dirty,
    issues,
    /** The preview for the draft on screen; stale (still computing) while previewReady is false. */
    preview: preview.data,
    previewError: preview.error,
    previewReady: previewReady && !preview.loading,
    saving: set.running,
    update,
    discard,
    resetToDefaults,
    save,
  };
}

export type MetricsDraft = ReturnType<typeof useMetricsDraft>;
