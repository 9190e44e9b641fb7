import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** One sentence on what these settings change, in the CSM's words. */
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** One card of the Settings screen; the id is the anchor the screen's table of contents links to. */
export function SettingsSection({ id, title, description, actions, children }: Props) {
  return (
    <Card withBorder id={id} data-testid={`settings-${id}`} style={{ scrollMarginTop: 72 }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} fz="md">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
