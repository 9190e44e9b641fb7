// Settings › Reminders (issue #14, point 3): on or off, and the time of day the daily digest comes, in the book's
// time zone. The desktop app shows it as an OS notification; the web host inside the open page.
import { Alert, Button, Group, Loader, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppInfo, AppSettings, ReminderSettings } from '../../../shared/contract';
import { formatDate } from '../../../shared/format';
import { nextReminderAt } from '../../../shared/reminder-schedule';
import { useEditsOverSaved } from '../hooks/use-edits-over-saved';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { describeNextReminder, parseTimeOfDay } from './reminder-time';
import { SettingsSection } from './SettingsSection';

const WHERE: Record<AppInfo['host'], string> = {
  electron: 'as a notification from your computer, even with the window closed (while Bearing runs)',
  web: 'inside this page while it is open in the browser (the web host cannot raise notifications from your computer)',
  cli: 'by `npm run -s cli -- digest`',
};

/** Now, ticking each 30 s, so "next reminder" moves on while the screen stays open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}

export function RemindersSection({ settings, host }: { settings: AppSettings; host: AppInfo['host'] | undefined }) {
  const reminders = useQuery('reminders.get', {});
  const r = reminders.data;
  return (
    <SettingsSection
      id="reminders"
      title="Reminders"
      description={`Each day at the time you pick, Bearing shows your digest: the tasks overdue and due today, by account with the most ARR at stake first, and the renewals of the coming week. It comes ${WHERE[host ?? 'web']}.`}
    >
      {reminders.error && !r && (
        <Alert color="red" title="Could not read the reminder">
          {reminders.error.message}
        </Alert>
      )}
      {!r && !reminders.error && <Loader size="sm" aria-label="Loading the reminder" />}
      {r && <ReminderForm saved={r} zone={settings.effectiveTimeZone} />}
    </SettingsSection>
  );
}

/** The CSM's edits: a field is edited when its key is here. */
type ReminderEdit = { enabled?: boolean; time?: string };

/** The edits fresh settings do not hold yet (the same object when they hold none); a time is held as it parses. */
function withoutSaved(edit: ReminderEdit, saved: ReminderSettings): ReminderEdit {
  const enabledHeld = edit.enabled !== undefined && edit.enabled === saved.enabled;
  const parsed = edit.time === undefined ? null : parseTimeOfDay(edit.time);
  const timeHeld = parsed !== null && 'time' in parsed && parsed.time === saved.time;
  if (!enabledHeld && !timeHeld) return edit;
  const left: ReminderEdit = {};
  if (edit.enabled !== undefined && !enabledHeld) left.enabled = edit.enabled;
  if (edit.time !== undefined && !timeHeld) left.time = edit.time;
  return left;
}

function ReminderForm({ saved, zone }: { saved: ReminderSettings; zone: string }) {
  // The CSM's edits lie over the saved reminder until fresh settings hold them (use-edits-over-saved.ts).
  const [edit, setEdit] = useEditsOverSaved<ReminderSettings, ReminderEdit>(saved, {}, withoutSaved);
  const enabled = edit.enabled ?? saved.enabled;
  const typed = edit.time ?? saved.time;
  const setEnabled = (on: boolean) => setEdit((e) => ({ ...e, enabled: on }));
  const setTyped = (time: string) => setEdit((e) => ({ ...e, time }));
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const update = useMutation('reminders.update', {
    errorTitle: 'Could not save the reminder',
    successMessage: (s) => (s.enabled ? `Your digest will come each day at ${s.time} (${zone}).` : 'Daily reminders are off.'),
  });
  const parsed = parseTimeOfDay(typed);
  const dirty = enabled !== saved.enabled || (enabled && ('time' in parsed ? parsed.time !== saved.time : typed !== saved.time));

  const save = () => {
    if (!enabled) {
      // Off: the time field is greyed out, so a half-typed time there neither blocks nor gets saved.
      setError(null);
      setEdit((e) => ({ ...(e.enabled === undefined ? {} : { enabled: e.enabled }) }));
      void update.mutate({ enabled: false });
      return;
    }
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setTyped(parsed.time);
    void update.mutate({ enabled, time: parsed.time });
  };

  return (
    <Stack gap="sm">
      <Switch
        checked={enabled}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
        label="Remind me each day"
        data-testid="reminders-enabled"
      />
      <Group align="flex-start" gap="sm">
        <TextInput
          w={160}
          label="Time of day"
          description={`24-hour, ${zone}`}
          placeholder="08:30"
          value={typed}
          disabled={!enabled}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
          // The message goes below the row at full width: under a narrow field it would wrap to five lines.
          error={error !== null}
          aria-describedby={error !== null ? 'reminders-time-error' : undefined}
          data-testid="reminders-time"
        />
        <Button mt={44} onClick={save} disabled={!dirty} loading={update.running} data-testid="reminders-save">
          Save
        </Button>
      </Group>
      {error !== null && (
        <Text size="sm" c="red" id="reminders-time-error" role="alert" data-testid="reminders-time-error">
          {error}
        </Text>
      )}
      <Text size="sm" data-testid="reminders-next">
        {saved.enabled ? `Next reminder: ${describeNextReminder(nextReminderAt(saved, now, zone), now, zone)} (${zone}).` : 'Reminders are off: no digest is shown.'}
        {saved.lastShownOn !== null && ` Last shown for ${formatDate(saved.lastShownOn)}.`}
      </Text>
    </Stack>
  );
}
