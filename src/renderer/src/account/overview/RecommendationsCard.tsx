// What to do next (docs/METRICS.md, recommendations): each names the users, features or milestones it is about, so
// the CSM can act on it without another lookup.
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconBulb, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { useQuery } from '../../hooks/use-query';
import { DraftEmailModal, type DraftRequest } from '../outreach/DraftEmailModal';
import { CardSkeleton, QueryError } from '../QueryStates';

type Recommendation = MethodOutput<'recommendations.account'>['items'][number];

const SEVERITY = {
  info: { color: 'blue', icon: IconBulb },
  warning: { color: 'orange', icon: IconAlertTriangle },
  critical: { color: 'red', icon: IconAlertOctagon },
} as const;

/** The e-mail a recommendation calls for: a reminder names its feature; the others start with a check-in. */
function draftFor(item: Recommendation): DraftRequest {
  const featureId = item.features[0]?.id;
  return { template: item.kind === 'key_feature_reminder' && featureId !== undefined ? 'feature_reminder' : 'check_in', ...(featureId !== undefined ? { featureId } : {}) };
}

function Item({ item, onDraft }: { item: Recommendation; onDraft: () => void }) {
  const { color, icon: Icon } = SEVERITY[item.severity];
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="recommendation" data-kind={item.kind}>
      <ThemeIcon color={color} variant="light" size="md">
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={4} flex={1}>
        <Text size="sm" fw={600}>
          {item.title}
        </Text>
        <Text size="xs" c="dimmed">
          {item.detail}
        </Text>
        {(item.features.length > 0 || item.milestones.length > 0) && (
          <Group gap={4}>
            {item.features.map((f) => (
              <Badge key={`f${f.id}`} size="xs" variant="light" color="indigo">
                {f.name}
              </Badge>
            ))}
            {item.milestones.map((m) => (
              <Badge key={`m${m.id}`} size="xs" variant="light" color="grape">
                {m.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Button variant="subtle" size="compact-xs" leftSection={<IconMail size={14} />} onClick={onDraft} data-testid="recommendation-draft">
        Draft e-mail
      </Button>
    </Group>
  );
}

export function RecommendationsCard({ accountId }: { accountId: number }) {
  const recs = useQuery('recommendations.account', { id: accountId });
  const [draft, setDraft] = useState<DraftRequest | null>(null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="recommendations">
      <Title order={4} mb="xs">
        Recommendations
      </Title>
      {recs.error && !recs.data ? (
        <QueryError title="Could not load recommendations" error={recs.error} onRetry={recs.refetch} />
      ) : !recs.data ? (
        <CardSkeleton lines={4} />
      ) : recs.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing stands out right now. Log survey answers and keep usage imports current so new risks show up here.
        </Text>
      ) : (
        <Stack gap="sm">
          {recs.data.items.map((item, i) => (
            <Item key={`${item.kind}-${i}`} item={item} onDraft={() => setDraft(draftFor(item))} />
          ))}
        </Stack>
      )}
      <DraftEmailModal accountId={accountId} request={draft} onClose={() => setDraft(null)} />
    </Paper>
  );
}
