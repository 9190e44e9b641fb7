import { ActionIcon, Button, Group, Paper, Progress, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronUp, IconFlask, IconTrash } from '@tabler/icons-react';
import { formatCount } from '../../../shared/format';
import { useDemoProgress } from '../hooks/use-demo-progress';
import { RemoveDemoModal } from './RemoveDemoModal';

interface Props {
  demoAccounts: number;
  /** Folded away by the CSM (the header's Demo badge brings it back); it still shows while the demo is loading. */
  collapsed: boolean;
  onCollapse: () => void;
}

/** Says plainly that the sample book is on screen, and removes it (after a confirmation) when the CSM is ready. */
export function DemoBanner({ demoAccounts, collapsed, onCollapse }: Props) {
  const [confirming, confirm] = useDisclosure(false);
  const accounts = `${formatCount(demoAccounts)} sample ${demoAccounts === 1 ? 'account' : 'accounts'}`;
  // The accounts arrive before their usage: until the last file is in, the banner says what is still loading.
  const loading = useDemoProgress();
  if (collapsed && !loading) return null;

  return (
    <>
      {/* An accent edge rather than a filled background: it stays readable and calm in both colour schemes. */}
      <Paper
        withBorder
        px="md"
        py="xs"
        mb="md"
        style={{ borderLeft: '4px solid var(--mantine-color-orange-filled)' }}
        data-testid="demo-banner"
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" flex={1}>
            <ThemeIcon color="orange" variant="light" aria-hidden>
              <IconFlask size={18} />
            </ThemeIcon>
            {loading ? (
              <Group gap="sm" wrap="nowrap" data-testid="demo-banner-progress">
                <Text size="sm">
                  <b>Loading the demo book.</b> {loading.step} ({loading.done + 1} of {loading.total})
                </Text>
                <Progress w={160} value={(100 * loading.done) / loading.total} animated aria-label="Demo book loading" />
              </Group>
            ) : (
              <Text size="sm">
                <b>Demo book.</b> You are looking at {accounts}, not your customers. Your own imports are kept when you
                remove them.
              </Text>
            )}
          </Group>
          <Button
            size="xs"
            color="orange"
            variant="light"
            leftSection={<IconTrash size={14} />}
            onClick={confirm.open}
            disabled={loading !== null}
            style={{ flexShrink: 0 }}
          >
            Remove demo data
          </Button>
          <Tooltip label="Hide this banner (the Demo badge in the header shows it again)">
            <ActionIcon variant="subtle" color="gray" onClick={onCollapse} aria-label="Hide the demo banner" data-testid="demo-banner-collapse">
              <IconChevronUp size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Paper>
      <RemoveDemoModal opened={confirming} onClose={confirm.close} howToReload="from the empty portfolio" />
    </>
  );
}
