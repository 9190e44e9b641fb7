import { Alert, Badge, Button, Card, CloseButton, Group, Loader, Select, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconHistory, IconQuestionMark } from '@tabler/icons-react';
import type { ImportKind } from '../../../shared/contract';
import { formatPercent } from '../../../shared/format';
import { FileMappingStep } from './FileMappingStep';
import { ImportErrorAlert } from './ImportErrorAlert';
import { useImportSession } from './ImportSession';
import { ImportSummaryView } from './ImportSummaryView';
import { JobProgressView } from './JobProgressView';
import type { FileEntry } from './file-entry';
import { formatBytes } from './format-import';
import { encodingLabel, KIND_OPTIONS, SOURCE_LABELS } from './labels';

/** Below this, the detected kind is a guess worth a second look. */
const SURE = 0.7;

/** One dropped file, from reading it to its import summary. */
export function FileCard({ entry }: { entry: FileEntry }) {
  const session = useImportSession();
  const { inspection, stage } = entry;
  const progress = entry.jobId ? session.progress[entry.jobId] : undefined;
  const running = stage === 'starting' || (stage === 'started' && !progress?.summary);
  const editable = stage === 'ready' && !entry.refreshing;
  // The preview guesses from the first 64 KB; the import reads it all (a Windows-1252 file can show so late).
  const encoding = progress?.summary?.encoding ?? inspection?.encoding ?? null;

  return (
    <Card withBorder padding="md" data-testid="file-card" data-stage={stage} data-file={entry.fileName}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <IconFileSpreadsheet size={28} stroke={1.5} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate="end" data-testid="file-name">
              {entry.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(entry.sizeBytes)}
              {inspection && ` · ${inspection.headers.length} columns · `}
              {inspection && encoding && <span data-testid="file-encoding">{encodingLabel(encoding)}</span>}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {inspection && (
            <Tooltip label={`Detected from the column names (${formatPercent(inspection.confidence)} sure)`}>
              <Badge variant="light" color={inspection.confidence >= SURE ? 'indigo' : 'yellow'} data-testid="detected-source">
                {SOURCE_LABELS[inspection.source]}
              </Badge>
            </Tooltip>
          )}
          {inspection && !entry.mappingEdited && inspection.mappingRemembered && (
            <Badge variant="light" color="teal" leftSection={<IconHistory size={12} />} data-testid="mapping-remembered">
              Mapping remembered from an earlier file
            </Badge>
          )}
          {!running && <CloseButton aria-label={`Remove ${entry.fileName}`} onClick={() => session.dismiss(entry.key)} />}
        </Group>
      </Group>

      {inspection && stage !== 'started' && (
        <Select
          label="What this file holds"
          description={inspection.kindRecognised && inspection.confidence < SURE ? 'Bearing is not sure: check that this is right.' : undefined}
          placeholder="Choose what this file holds"
          error={inspection.kindRecognised ? undefined : 'Bearing cannot tell: choose one to see its columns and a preview.'}
          data={KIND_OPTIONS}
          value={inspection.kindRecognised ? inspection.kind : null}
          onChange={(kind) => kind && session.chooseKind(entry.key, kind as ImportKind)}
          allowDeselect={false}
          disabled={!editable}
          maw={380}
          mb="sm"
          data-testid="kind-select"
        />
      )}

      {(stage === 'uploading' || stage === 'inspecting') && (
        <Group gap="xs" data-testid="file-reading">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {stage === 'uploading' ? 'Uploading the file to Bearing…' : 'Reading the first rows…'}
          </Text>
        </Group>
      )}

      {stage === 'unreadable' && entry.error && (
        <ImportErrorAlert error={entry.error}>
          <Group mt="sm" gap="xs">
            {entry.file && (
              <Button size="xs" variant="white" color="red" onClick={() => session.retry(entry.key)}>
                Try again
              </Button>
            )}
            <Button size="xs" variant="subtle" color="red" onClick={() => session.dismiss(entry.key)}>
              Remove this file
            </Button>
          </Group>
        </ImportErrorAlert>
      )}

      {inspection && !inspection.kindRecognised && stage === 'ready' && (
        <Alert color="yellow" icon={<IconQuestionMark />} title="What does this file hold?" data-testid="kind-unknown">
          Its columns look like no usage, accounts, users, tickets, survey or campaign export Bearing knows, so it will not be imported as
          anything until you choose. Pick what it holds above; Bearing then suggests a mapping and shows a preview.
        </Alert>
      )}
      {inspection && inspection.kindRecognised && (stage === 'ready' || stage === 'starting') && <FileMappingStep entry={entry} inspection={inspection} />}

      {stage === 'started' && !progress && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Starting…</Text>
        </Group>
      )}
      {progress && !progress.summary && <JobProgressView progress={progress} />}
      {progress?.summary && <ImportSummaryView summary={progress.summary} onAddAccounts={() => void session.addLeftOutAccounts(entry.key)} />}
      {progress && !progress.summary && progress.phase === 'failed' && (
        <Alert color="red" title="The import stopped">
          Bearing could not finish this import. Nothing was saved; try again, and if it fails again, restart Bearing.
        </Alert>
      )}
    </Card>
  );
}
