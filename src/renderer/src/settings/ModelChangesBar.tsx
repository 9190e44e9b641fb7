import { Anchor, Badge, Button, Collapse, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { HealthStatus, MethodOutput } from '../../../shared/contract';
import { accountHref } from '../portfolio/account-link';
import { formatScore, statusLook } from '../portfolio/health-status';
import type { MetricsDraft } from './use-metrics-draft';

type Preview = MethodOutput<'health.settings.preview'>;

const ORDER = ['red', 'yellow', 'green', null] as const;

/** "4 accounts would change status: 2 to red, 1 to yellow, 1 to green." */
function previewSentence(preview: Preview): string {
  if (preview.changed === 0) return 'No account would change status.';
  const parts = ORDER.map((to) => {
    const n = preview.changes.filter((c) => c.to === to).length;
    return n ? `${n} to ${statusLook(to).label.toLowerCase()}` : null;
  }).filter(Boolean);
  return `${preview.changed} ${preview.changed === 1 ? 'account' : 'accounts'} would change status: ${parts.join(', ')}.`;
}

/** "Yellow 63" as the portfolio shows it: a badge, readable on both schemes (coloured text on white is not). */
function StatusWord({ status, score }: { status: HealthStatus | null; score: number | null }) {
  const look = statusLook(status);
  return (
    <Badge size="sm" color={look.color} variant={status === null ? 'outline' : 'filled'} autoContrast style={{ verticalAlign: 'middle' }}>
      {look.label} {formatScore(score)}
    </Badge>
  );
}

/**
 * Unsaved changes to the health model, with their live preview: how many accounts would change status and which.
 * It sticks to the bottom of the screen so the effect of a slider is visible while moving it.
 */
export function ModelChangesBar({ draft }: { draft: MetricsDraft }) {
  const [listOpened, list] = useDisclosure(false);
  if (!draft.dirty) return null;
  const { preview, previewReady, issues } = draft;
  return (
    <Paper withBorder shadow="lg" p="sm" pos="sticky" bottom={12} style={{ zIndex: 5 }} data-testid="health-changes-bar">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Unsaved changes to the health model
            </Text>
            {issues.length > 0 ? (
              <Text size="sm" c="red" data-testid="health-preview">
                {issues.join(' ')}
              </Text>
            ) : draft.previewError ? (
              <Text size="sm" c="red" data-testid="health-preview">
                {draft.previewError.message}
              </Text>
            ) : (
              <Group gap="xs" wrap="nowrap">
                {!previewReady && <Loader size={14} aria-label="Working out the preview" />}
                <Text size="sm" fw={500} data-testid="health-preview" data-ready={previewReady || undefined} c={previewReady ? undefined : 'dimmed'}>
                  {preview ? previewSentence(preview) : 'Working out which accounts would change status…'}
                </Text>
                {preview && preview.changed > 0 && (
                  <Anchor component="button" type="button" size="sm" onClick={list.toggle} data-testid="health-preview-toggle">
                    {listOpened ? 'Hide' : 'Which?'}
                  </Anchor>
                )}
              </Group>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={draft.discard} disabled={draft.saving}>
              Discard
            </Button>
            <Button onClick={() => void draft.save()} loading={draft.saving} disabled={issues.length > 0} data-testid="health-save">
              Save
            </Button>
          </Group>
        </Group>
        <Collapse expanded={listOpened && (preview?.changed ?? 0) > 0}>
          <ScrollArea.Autosize mah={180}>
            <Stack gap={2} data-testid="health-preview-list">
              {preview?.changes.map((c) => (
                <Text key={c.id} size="sm">
                  <Anchor href={accountHref(c.id)} size="sm">
                    {c.name}
                  </Anchor>
                  {': '}
                  <StatusWord status={c.from} score={c.scoreFrom} /> → <StatusWord status={c.to} score={c.scoreTo} />
                </Text>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Collapse>
      </Stack>
    </Paper>
  );
}
