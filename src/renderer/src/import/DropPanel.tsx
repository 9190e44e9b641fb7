import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { ChooseFilesButton } from './ChooseFilesButton';

/** Where to start: the whole window takes dropped files; this says so and offers the file dialog. */
export function DropPanel({ compact }: { compact: boolean }) {
  return (
    <Paper
      withBorder
      p={compact ? 'sm' : 'xl'}
      style={{ borderStyle: 'dashed', borderWidth: 2 }}
      data-testid="drop-panel"
    >
      <Group justify={compact ? 'space-between' : 'center'} gap="lg" wrap="wrap">
        {!compact && <IconFileSpreadsheet size={44} stroke={1.4} color="var(--mantine-color-dimmed)" />}
        <Stack gap={2} align={compact ? 'flex-start' : undefined}>
          <Text size={compact ? 'sm' : 'lg'} fw={500}>
            Drop export files anywhere on this window
          </Text>
          <Text size="sm" c="dimmed">
            Usage exports from Pendo, Mixpanel or Amplitude (CSV, Mixpanel's raw JSON export, Amplitude's export .zip); accounts and contacts from Salesforce or HubSpot; tickets from Zendesk, Freshdesk, Intercom or HubSpot; NPS and CSAT answers from Delighted, SurveyMonkey, Typeform or Qualtrics; e-mail campaign recipients from HubSpot or Marketo; any size.
          </Text>
        </Stack>
        <ChooseFilesButton variant={compact ? 'default' : 'filled'} />
      </Group>
    </Paper>
  );
}
