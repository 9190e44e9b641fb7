// "Prepare QBR" builds the deck for a quarter (deck.build). The desktop shell has the file on disk already, so it
// shows where; in a browser the file is fetched from the web host's download route with the page's token. The
// quarter and format chosen live above the form, so "Build another" comes back to them (issue #12).
import { Alert, Button, Code, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeckFormat, MethodOutput } from '../../../shared/contract';
import { download } from '../api/client';
import { useMutation } from '../hooks/use-mutation';
import { formatDate } from '../../../shared/format';
import { useQuery } from '../hooks/use-query';
import { DeckSummaryField, summaryError } from './DeckSummaryField';

type Built = MethodOutput<'deck.build'>;

function downloadFromWebHost(built: Built) {
  download(built.path, built.fileName).catch((error: unknown) =>
    notifications.show({
      color: 'red',
      title: 'Could not download the QBR deck',
      message: error instanceof Error ? error.message : String(error),
      autoClose: 10_000,
    }),
  );
}

/** Desktop: a copy where the CSM chooses in main's own Save dialog (the page never names the place). */
async function saveCopy(built: Built) {
  const saved = await window.bearing?.saveDeck(built.fileName);
  if (!saved) return;
  if (saved.ok) notifications.show({ color: 'teal', message: `Saved a copy as ${saved.value.fileName}.` });
  else notifications.show({ color: 'red', title: 'Could not save the deck', message: saved.error.message, autoClose: 10_000 });
}

interface Choice {
  /** null until the CSM picks one: the account's default quarter. */
  quarter: string | null;
  format: DeckFormat;
  /** The executive summary as the CSM edited it; null: Bearing's, written by the deck itself. */
  summary: string | null;
}

function DeckForm({ accountId, choice, onChoice, onBuilt }: { accountId: number; choice: Choice; onChoice: (c: Choice) => void; onBuilt: (built: Built) => void }) {
  const quarters = useQuery('deck.quarters', { accountId });
  const { quarter, format } = choice;
  const build = useMutation('deck.build', { errorTitle: 'Could not build the QBR deck' });
  const chosen = quarter ?? quarters.data?.defaultQuarter ?? null;
  const chosenQuarter = quarters.data?.quarters.find((q) => q.id === chosen);
  const summary = choice.summary;

  return (
    <Stack>
      <Select
        label="Quarter"
        description="From the contract start on; a quarter in progress is reported “to date”."
        data={(quarters.data?.quarters ?? []).map((q) => ({ value: q.id, label: q.complete ? q.label : `${q.label} (to date)` }))}
        value={chosen}
        // Another quarter has another story: an edit of the previous one is not carried over.
        onChange={(q) => onChoice({ ...choice, quarter: q, summary: null })}
        placeholder={quarters.loading ? 'Loading quarters…' : 'No quarter to review yet'}
        error={quarters.error?.message}
        allowDeselect={false}
        data-testid="deck-quarter"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Format
        </Text>
        <SegmentedControl
          value={format}
          onChange={(v) => onChoice({ ...choice, format: v === 'pdf' ? 'pdf' : 'pptx' })}
          data={[
            { value: 'pptx', label: 'PowerPoint (PPTX)' },
            { value: 'pdf', label: 'PDF' },
          ]}
        />
      </Stack>
      {chosenQuarter && (
        <DeckSummaryField
          accountId={accountId}
          asOf={chosenQuarter.complete ? chosenQuarter.end : undefined}
          value={summary}
          onChange={(s) => onChoice({ ...choice, summary: s })}
        />
      )}
      <Group justify="flex-end">
        <Button
          loading={build.running}
          disabled={summaryError(summary) !== null}
          onClick={async () => {
            const built = await build.mutate({ accountId, format, ...(chosen ? { quarter: chosen } : {}), ...(summary !== null ? { summary: summary.trim() } : {}) });
            if (built) onBuilt(built);
          }}
          data-testid="deck-build"
        >
          Build
        </Button>
      </Group>
    </Stack>
  );
}

export function PrepareQbrButton({ accountId }: { accountId: number }) {
  const [opened, modal] = useDisclosure(false);
  const [built, setBuilt] = useState<Built>();
  const [choice, setChoice] = useState<Choice>({ quarter: null, format: 'pptx', summary: null });
  const info = useQuery('app.info', {});
  const inBrowser = info.data?.host !== 'electron';

  return (
    <>
      <Button leftSection={<IconPresentation size={16} />} variant="light" onClick={modal.open} data-testid="prepare-qbr">
        Prepare QBR
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          modal.close();
          setBuilt(undefined);
        }}
        title="Prepare the QBR deck"
        size="lg"
        centered
      >
        {built ? (
          <Alert color="teal" title={`${built.fileName} is ready`} data-testid="deck-built">
            <Stack gap="xs">
              <Text size="sm">
                {built.slides} slides, {built.quarter.label}, numbers as of {formatDate(built.asOf)}.
              </Text>
              {inBrowser ? (
                <Text size="sm">The download has started; look in the browser’s downloads.</Text>
              ) : (
                <Text size="sm">
                  Saved to <Code>{built.path}</Code>
                </Text>
              )}
              <Group gap="xs">
                {inBrowser && (
                  <Button size="xs" variant="light" onClick={() => downloadFromWebHost(built)}>
                    Download again
                  </Button>
                )}
                {!inBrowser && window.bearing && (
                  <>
                    <Button size="xs" variant="light" onClick={() => void window.bearing?.openDeck(built.path)} data-testid="deck-open">
                      Open
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void saveCopy(built)} data-testid="deck-save-as">
                      Save as…
                    </Button>
                  </>
                )}
                <Button size="xs" variant="default" onClick={() => setBuilt(undefined)} data-testid="deck-build-another">
                  Build another
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <DeckForm
            accountId={accountId}
            choice={choice}
            onChoice={setChoice}
            onBuilt={(result) => {
              // The quarter built is the one chosen from now on, default included.
              setChoice((c) => ({ ...c, quarter: result.quarter.id }));
              setBuilt(result);
              if (inBrowser) downloadFromWebHost(result);
            }}
          />
        )}
      </Modal>
    </>
  );
}
