// The web host's reminder (issue #14, point 3): a browser page cannot raise OS notifications from Bearing's main
// process, so while the page is open it runs the same schedule as the desktop app (src/shared/reminder-schedule.ts)
// on the page's clock and shows the daily digest as an in-app notification with a button to Home. reminders.shown
// records the day, so a reload (or a second tab) does not show it again. The desktop app's page runs none of this:
// its main process notifies through the OS.
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { Digest } from '../../../shared/contract';
import { scheduleReminders, type ReminderCalls } from '../../../shared/reminder-schedule';
import { call, on } from '../api/client';

const ID = 'reminder-digest';
/** Accounts named in the notification; the rest are on Home. */
const SHOWN_ACCOUNTS = 3;

function openHome() {
  notifications.hide(ID);
  window.location.hash = '#/home';
}

function accountLine(a: Digest['accounts'][number]): string {
  const parts = [a.overdue > 0 ? `${a.overdue} overdue` : null, a.dueToday > 0 ? `${a.dueToday} due today` : null].filter(Boolean);
  return `${a.accountName}: ${parts.join(', ')}`;
}

function showDigest(title: string, digest: Digest) {
  const more = digest.accounts.length - SHOWN_ACCOUNTS;
  notifications.show({
    id: ID,
    autoClose: false,
    title,
    message: (
      <Stack gap={6} align="flex-start" data-testid="reminder-notification">
        <Text size="sm" data-testid="reminder-summary">
          {digest.summary}
        </Text>
        {digest.accounts.length > 0 && (
          <Stack gap={0}>
            {digest.accounts.slice(0, SHOWN_ACCOUNTS).map((a) => (
              <Text key={a.accountId} size="xs" c="dimmed" data-testid="reminder-account">
                {accountLine(a)}
              </Text>
            ))}
            {more > 0 && (
              <Text size="xs" c="dimmed">
                and {more} more {more === 1 ? 'account' : 'accounts'}
              </Text>
            )}
          </Stack>
        )}
        <Button size="compact-sm" variant="light" onClick={openHome} data-testid="reminder-open-home">
          Open Home
        </Button>
      </Stack>
    ),
  });
}

/** Mounted once by the shell, in the web host only. */
export function ReminderWatcher() {
  useEffect(() => {
    const schedule = scheduleReminders({
      call: call as unknown as ReminderCalls,
      now: () => Date.now(),
      setTimer: (fire, ms) => window.setTimeout(fire, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      notify: ({ title, digest }) => showDigest(title, digest),
      openHome,
    });
    const check = () => void schedule.check().catch(() => undefined);
    check();
    // A changed reminder (Settings, the CLI, another tab) or time zone moves the next wake.
    const off = on('changed', ({ tables }) => {
      if (tables.includes('settings')) check();
    });
    return () => {
      off();
      schedule.stop();
    };
  }, []);
  return null;
}
