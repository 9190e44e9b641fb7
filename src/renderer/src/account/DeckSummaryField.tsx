// The deck's executive summary, editable before building (issue #14, point 10): Bearing writes it from the
// account's story as of the chosen quarter's date (for the customer: no renewal estimate, no QBR cadence); the CSM
// may rewrite it. Untouched, nothing is sent and the deck writes the same story itself.
import { Anchor, Group, Text, Textarea } from '@mantine/core';
import { DECK_SUMMARY_MAX } from '../../../shared/contract';
import { useQuery } from '../hooks/use-query';

interface Props {
  accountId: number;
  /** The deck's as-of date: the quarter's last day, or undefined (today) for a quarter in progress. */
  asOf: string | undefined;
  /** The CSM's text, or null while they have not edited Bearing's. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** Why the summary cannot be built from, or null when it can. */
export function summaryError(value: string | null): string | null {
  if (value === null) return null;
  if (value.trim() === '') return 'Write a sentence or two, or go back to Bearing’s summary.';
  if (value.trim().length > DECK_SUMMARY_MAX) return `At most ${DECK_SUMMARY_MAX} characters fit on the slide.`;
  return null;
}

export function DeckSummaryField({ accountId, asOf, value, onChange }: Props) {
  const story = useQuery('story.account', { id: accountId, audience: 'customer', ...(asOf ? { asOf } : {}) });
  const written = story.data?.text ?? '';
  const text = value ?? written;
  const error = summaryError(value);
  return (
    <Textarea
      label={
        <Group gap="xs" component="span">
          <span>Executive summary</span>
          {value !== null && (
            <Anchor component="button" type="button" size="xs" onClick={() => onChange(null)} data-testid="deck-summary-reset">
              Use Bearing’s summary
            </Anchor>
          )}
        </Group>
      }
      description={
        story.error
          ? `Bearing could not write a summary (${story.error.message}); write your own or build without one.`
          : 'Written from the account’s numbers as of the deck’s date. Edit it for the customer before building.'
      }
      placeholder={story.loading ? 'Writing the summary…' : 'Nothing to tell yet for this quarter.'}
      value={text}
      onChange={(e) => onChange(e.currentTarget.value === written ? null : e.currentTarget.value)}
      autosize
      minRows={4}
      maxRows={9}
      error={error}
      data-testid="deck-summary"
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      rightSection={
        <Text size="xs" c={text.trim().length > DECK_SUMMARY_MAX ? 'red' : 'dimmed'} pr={6} style={{ alignSelf: 'flex-end', paddingBottom: 6 }}>
          {text.trim().length}/{DECK_SUMMARY_MAX}
        </Text>
      }
      rightSectionWidth={80}
    />
  );
}
