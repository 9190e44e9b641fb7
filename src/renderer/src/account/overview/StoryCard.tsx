// The account's story in sentences (issue #14, point 10), written by main from Bearing's own facts. Every number
// is a link to where it is shown: a card of this overview (scrolled to) or another tab (opened). "Copy" puts the
// story on the clipboard as plain text, for handing the account to a colleague.
import { Anchor, Button, CopyButton, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { MethodOutput, StorySentence } from '../../../../shared/contract';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';

type Link = StorySentence['facts'][number]['link'];
export type AccountTab = Link['tab'];

/** The element id of an overview section a story number links to. */
export const sectionId = (section: NonNullable<Link['section']>) => `account-section-${section}`;

function openLink(link: Link, onOpenTab: (tab: AccountTab) => void) {
  if (link.tab !== 'overview' || link.section === null) {
    onOpenTab(link.tab);
    return;
  }
  const target = document.getElementById(sectionId(link.section));
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // Keyboard users land where the number is shown, not back at the top.
  target.focus({ preventScroll: true });
}

function Sentence({ sentence, onOpenTab }: { sentence: StorySentence; onOpenTab: (tab: AccountTab) => void }) {
  return (
    <>
      {sentence.parts.map((part, i) => {
        const fact = part.fact === null ? undefined : sentence.facts[part.fact];
        if (!fact) return <Fragment key={i}>{part.text}</Fragment>;
        const where = fact.link.section ?? fact.link.tab;
        return (
          <Tooltip key={i} label={`${fact.label}: open ${where}`} openDelay={400}>
            <Anchor component="button" type="button" fw={600} inherit data-testid="story-fact" data-section={where} onClick={() => openLink(fact.link, onOpenTab)}>
              {part.text}
            </Anchor>
          </Tooltip>
        );
      })}
    </>
  );
}

function Story({ story, onOpenTab }: { story: MethodOutput<'story.account'>; onOpenTab: (tab: AccountTab) => void }) {
  if (story.sentences.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to tell yet: import usage or account data, or log a touchpoint.
      </Text>
    );
  }
  return (
    <Text size="sm" lh={1.7} data-testid="story-text">
      {story.sentences.map((s, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span data-testid="story-sentence">
            <Sentence sentence={s} onOpenTab={onOpenTab} />
          </span>
        </Fragment>
      ))}
    </Text>
  );
}

export function StoryCard({ accountId, onOpenTab }: { accountId: number; onOpenTab: (tab: AccountTab) => void }) {
  const story = useQuery('story.account', { id: accountId });
  return (
    <Paper withBorder p="md" radius="md" data-testid="story-card">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>Story</Title>
        {story.data && story.data.sentences.length > 0 && (
          <CopyButton value={story.data.text}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="light"
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                onClick={copy}
                data-testid="story-copy"
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
      {story.error && !story.data ? (
        <QueryError title="Could not write the account’s story" error={story.error} onRetry={story.refetch} />
      ) : !story.data ? (
        <CardSkeleton lines={3} />
      ) : (
        <Story story={story.data} onOpenTab={onOpenTab} />
      )}
    </Paper>
  );
}
