import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileImport } from '@tabler/icons-react';
import type { Inspection } from '../../../shared/contract';
import { ImportErrorAlert } from './ImportErrorAlert';
import { useImportSession } from './ImportSession';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { UnknownEventsPanel } from './UnknownEventsPanel';
import { joinLabels, missingRequired, type FileEntry } from './file-entry';

/** Which column feeds which field, the rows as they will be stored, and the Import button. */
export function FileMappingStep({ entry, inspection }: { entry: FileEntry; inspection: Inspection }) {
  const session = useImportSession();
  const missing = missingRequired(inspection, entry.mapping);
  const editable = entry.stage === 'ready' && !entry.refreshing;
  const chosenEvents = Object.keys(entry.eventFeatures).length;

  return (
    <Stack gap="md">
      <div>
        <Title order={5} mb={4}>
          Columns
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          Which column of the file feeds each field. Bearing remembers your choice for files with the same columns.
        </Text>
        <MappingEditor
          inspection={inspection}
          mapping={entry.mapping}
          disabled={!editable}
          onChange={(field, header) => session.mapField(entry.key, field, header)}
        />
      </div>
      <div>
        <Group gap="xs" mb="xs">
          <Title order={5}>Preview</Title>
          <Text size="xs" c="dimmed">
            {entry.refreshing ? 'Updating…' : `The first ${inspection.preview.length} rows, exactly as they will be stored`}
          </Text>
        </Group>
        <PreviewTable inspection={inspection} />
      </div>
      {inspection.unknownEvents && inspection.unknownEvents.names.length > 0 && (
        <UnknownEventsPanel
          unknown={inspection.unknownEvents}
          choices={entry.eventFeatures}
          disabled={entry.stage !== 'ready'}
          onChange={(change) => session.chooseEvents(entry.key, change)}
        />
      )}
      {entry.error && <ImportErrorAlert error={entry.error} />}
      {missing.length > 0 && (
        <Alert color="yellow" icon={<IconAlertCircle />} data-testid="mapping-missing">
          Choose a column for {joinLabels(missing)} before importing: Bearing cannot store a row without it.
        </Alert>
      )}
      <Group>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={missing.length > 0 || entry.refreshing}
          loading={entry.stage === 'starting'}
          onClick={() => void session.start(entry.key)}
          data-testid="start-import"
        >
          Import {entry.fileName}
        </Button>
        {entry.mappingEdited && (
          <Text size="xs" c="dimmed">
            Your column choices will be used and remembered.
          </Text>
        )}
        {chosenEvents > 0 && (
          <Text size="xs" c="dimmed" data-testid="event-choices-count">
            {chosenEvents === 1 ? 'The event name you mapped is' : `The ${chosenEvents} event names you mapped are`} added to your features.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
