// A notification when an import ends, on whatever screen the CSM is: a watched folder can import a file while
// they look at the portfolio, and a long manual import can finish after they moved on.
import { notifications } from '@mantine/notifications';
import type { ImportProgress } from '../../../shared/contract';
import { statusLook } from './labels';

export function isFinished(p: ImportProgress): boolean {
  return p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled';
}

export function announceFinished(p: ImportProgress): void {
  const summary = p.summary;
  const status = summary?.status ?? (p.phase === 'cancelled' ? 'cancelled' : 'error');
  const look = statusLook(status);
  const failed = status === 'error' || status === 'cancelled';
  const title =
    p.origin !== 'watch'
      ? `${look.label}: ${p.fileName}`
      : failed
        ? `A file from a watched folder was not imported: ${p.fileName}`
        : `New file from a watched folder imported: ${p.fileName}`;
  notifications.show({
    id: `import-${p.jobId}`,
    color: look.color,
    title,
    message: summary?.message ?? 'The import stopped before it finished. See the Import screen for details.',
    autoClose: status === 'error' ? 12_000 : 6_000,
  });
}
