// Feature adoption (docs/METRICS.md, breadth and depth): for each feature, users of it ÷ active users in the last 30
// days, with the key features the account is entitled to marked used or not ("3 of 4 key features").
import { Badge, Group, Paper, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { AccountMetrics, Feature } from '../../../../shared/contract';
import { formatCount, formatPercent } from '../../../../shared/format';
import { Explained } from '../Explained';

interface Row {
  key: string;
  name: string;
  share: number | null;
  isKey: boolean;
  used: boolean;
}

function rows(metrics: AccountMetrics, features: Feature[]): Row[] {
  const names = new Map(features.map((f) => [f.name, f.name]));
  const enabled = new Set(metrics.breadthDetail.enabled);
  const used = new Set(metrics.breadthDetail.used);
  const keys = new Set([...metrics.breadthDetail.enabled, ...Object.keys(metrics.featureAdoption)]);
  return [...keys]
    .map((key) => {
      const share = metrics.featureAdoption[key] ?? null;
      return { key, name: names.get(key) ?? key, share, isKey: enabled.has(key), used: used.has(key) || (share ?? 0) > 0 };
    })
    .sort((a, b) => Number(b.isKey) - Number(a.isKey) || (b.share ?? -1) - (a.share ?? -1) || a.name.localeCompare(b.name));
}

export function FeatureAdoptionCard({ metrics, features }: { metrics: AccountMetrics; features: Feature[] }) {
  const list = rows(metrics, features);
  const { used, enabled } = metrics.breadthDetail;
  return (
    <Paper withBorder p="md" radius="md" data-testid="feature-adoption">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={4}>Feature adoption</Title>
          <Text size="xs" c="dimmed">
            Share of the {formatCount(metrics.mau)} users active in the last 30 days who used each feature
          </Text>
        </div>
        {enabled.length > 0 && (
          <Explained
            fw={600}
            testId="breadth"
            explanation={`Breadth: key features used in the last 30 days ÷ key features enabled for the account. Used: ${used.length ? used.join(', ') : 'none'}.`}
          >
            {`${used.length} of ${enabled.length} key features used`}
          </Explained>
        )}
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feature usage yet. Import events with a feature column, and mark key features in Settings.
        </Text>
      ) : (
        <Stack gap={8}>
          {list.map((r) => (
            <div key={r.key} data-testid="feature-row" data-feature={r.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={r.isKey ? 600 : 400}>
                    {r.name}
                  </Text>
                  {r.isKey && (
                    <Tooltip label="A key feature: counted in breadth and in the adopted-user definition">
                      <Badge size="xs" variant="light">
                        key
                      </Badge>
                    </Tooltip>
                  )}
                  {!r.used && (
                    <Badge size="xs" color={r.isKey ? 'red' : 'gray'} variant="light">
                      not used
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c={r.used ? undefined : 'dimmed'}>
                  {formatPercent(r.share)}
                </Text>
              </Group>
              <Progress value={(r.share ?? 0) * 100} size="sm" color={r.isKey ? 'indigo' : 'gray'} aria-label={`${r.name}: ${formatPercent(r.share)} of active users`} />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
