import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import type { Feature } from '../../../shared/contract';
import { mergeTargets } from './catalogue-view';
import type { CatalogueChanges } from './use-catalogue-change';

/** "Merge into…": choose the feature this one becomes, see what that does, confirm. */
export function MergeFeatureButton({ feature, features, changes }: { feature: Feature; features: readonly Feature[]; changes: CatalogueChanges }) {
  const [opened, modal] = useDisclosure(false);
  const [into, setInto] = useState<string | null>(null);
  const targets = mergeTargets(features, feature.id);
  const target = features.find((f) => String(f.id) === into);
  const close = () => {
    modal.close();
    setInto(null);
  };
  const merge = async () => {
    if (!target) return;
    const result = await changes.run(`Merging ${feature.name} into ${target.name}`, 'features.merge', { id: feature.id, into: target.id });
    if (result.change) close();
  };
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconGitMerge size={14} />}
        disabled={changes.busy !== null || targets.length === 0}
        onClick={modal.open}
        aria-label={`${feature.name}: Merge into…`}
        data-testid="feature-merge"
      >
        Merge into…
      </Button>
      <Modal opened={opened} onClose={close} title={`Merge ${feature.name} into another feature`} centered>
        <Stack gap="sm">
          <Select
            label="Merge into"
            placeholder="Choose a feature"
            data={targets}
            value={into}
            onChange={setInto}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="merge-target"
          />
          <Text size="sm">
            {target
              ? `Every event that counts as ${feature.name} (${feature.events.length > 0 ? feature.events.join(', ') : 'its own name'}) counts as ${target.name} from now on, in every account’s usage and health history; accounts paying for ${feature.name} pay for ${target.name}.`
              : 'Its event names, its usage and what accounts pay for move to the feature you choose.'}
          </Text>
          <Text size="sm" c="dimmed">
            You can undo it from the notification that follows.
          </Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button disabled={!target} loading={changes.busy !== null} onClick={() => void merge()} data-testid="confirm-merge">
              {target ? `Merge into ${target.name}` : 'Merge'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
