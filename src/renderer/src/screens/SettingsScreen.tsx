import {
  Alert,
  Card,
  Code,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import type { ClientError } from '../api/client';

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function CopyablePath({ path }: { path: string }) {
  return (
    <CopyButton value={path}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy'}>
          <UnstyledButton onClick={copy} style={{ alignSelf: 'flex-start', maxWidth: '100%' }}>
            <Code style={{ wordBreak: 'break-all' }}>{path}</Code>
          </UnstyledButton>
        </Tooltip>
      )}
    </CopyButton>
  );
}

// Health weights, adoption definitions, key features and stage lengths join this screen with their issues.
export function SettingsScreen({ info, error }: { info: AppInfo | undefined; error: ClientError | undefined }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack maw={760} gap="md">
      <Title order={2}>Settings</Title>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Appearance
          </Title>
          <Field label="Theme">
            <SegmentedControl
              style={{ alignSelf: 'flex-start' }}
              value={colorScheme}
              onChange={(value) => setColorScheme(SCHEMES.find((s) => s.value === value)?.value ?? 'auto')}
              data={SCHEMES}
              data-testid="theme-choice"
            />
          </Field>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Your data
          </Title>
          {error && <Alert color="red" title="Could not read the app's details">{error.message}</Alert>}
          {info && (
            <>
              <Text size="sm" c="dimmed">
                Everything stays on this computer, in one folder. Back it up by copying the database file.
              </Text>
              <Field label="Data folder">
                <CopyablePath path={info.dataDir} />
              </Field>
              <Field label="Database file">
                <CopyablePath path={info.databaseFile} />
              </Field>
              <Group gap="xl">
                <Field label="Accounts">
                  <Text size="sm">{formatCount(info.counts.accounts)}</Text>
                </Field>
                <Field label="Version">
                  <Text size="sm">{info.version}</Text>
                </Field>
              </Group>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
