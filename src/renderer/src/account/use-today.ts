// "Today" as main counts it: the calendar day in the configured time zone (Settings), not the machine's, so a
// date the CSM types defaults to the same day the metrics, overdue badges and TTV are computed for.
import { isoDateIn } from '../../../shared/dates';
import { useQuery } from '../hooks/use-query';

export function useToday(): string {
  const settings = useQuery('settings.get', {});
  const zone = settings.data?.effectiveTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isoDateIn(Date.now(), zone);
}
