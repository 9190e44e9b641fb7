// Campaign uplift (docs/METRICS.md; seed 000): for each campaign logged on the account, events on its feature in the
// 30 days from the launch ÷ the 30 days before. Shown only where a campaign is logged.
import { Group, Stack, Text } from '@mantine/core';
import type { AccountMetrics } from '../../../../shared/contract';
import { formatCount, formatDate, formatPercent } from '../../../../shared/format';
import { Explained } from '../Explained';

type Campaign = AccountMetrics['campaignUplift'][number];

function upliftText(c: Campaign): string {
  if (c.uplift === null) return 'no data';
  const change = c.uplift - 1;
  return `${change >= 0 ? '+' : '−'}${formatPercent(Math.abs(change))}`;
}

function why(c: Campaign): string {
  if (!c.complete) return ' No figure yet: the 30 days after the launch have not all passed.';
  if (c.uplift === null) return ' No figure: there were no events in the 30 days before, so there is nothing to compare with.';
  return '';
}

export function CampaignUplift({ campaigns }: { campaigns: Campaign[] }) {
  if (campaigns.length === 0) return null;
  return (
    <Stack gap={4} mt="md" data-testid="campaign-uplift">
      <Text size="sm" fw={600}>
        Campaign uplift
      </Text>
      {campaigns.map((c, i) => (
        <Group key={`${c.date}-${i}`} justify="space-between" wrap="nowrap" data-testid="campaign-row">
          <Text size="sm" lineClamp={1}>
            {c.title}{' '}
            <Text span size="xs" c="dimmed">
              {formatDate(c.date)} · {c.feature ?? 'all features'}
            </Text>
          </Text>
          <Explained
            fw={600}
            testId="campaign-uplift-value"
            c={c.uplift === null ? 'dimmed' : c.uplift < 1 ? 'red' : 'teal'}
            explanation={
              <Stack gap={4} data-testid="campaign-uplift-value-inputs">
                <Text size="sm">
                  Events on {c.feature ?? 'any feature'} in the 30 days from the launch ÷ the 30 days before it.{why(c)}
                </Text>
                <Text size="sm" fw={500}>
                  {formatCount(c.before)} events in the 30 days before · {formatCount(c.after)} in the 30 days after
                  {c.complete ? '' : ' so far'}
                </Text>
              </Stack>
            }
          >
            {upliftText(c)}
          </Explained>
        </Group>
      ))}
    </Stack>
  );
}
