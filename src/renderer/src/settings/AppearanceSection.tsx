import { Group, Kbd, SegmentedControl, Stack, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { SettingsSection } from './SettingsSection';

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SettingsSection id="appearance" title="Appearance and keyboard">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Theme
        </Text>
        <SegmentedControl
          style={{ alignSelf: 'flex-start' }}
          value={colorScheme}
          onChange={(value) => setColorScheme(SCHEMES.find((s) => s.value === value)?.value ?? 'auto')}
          data={SCHEMES}
          data-testid="theme-choice"
        />
      </Stack>
      <Group gap={6}>
        <Text size="sm">Press</Text>
        <Kbd size="sm">?</Kbd>
        <Text size="sm">anywhere for the keyboard shortcuts.</Text>
      </Group>
    </SettingsSection>
  );
}
