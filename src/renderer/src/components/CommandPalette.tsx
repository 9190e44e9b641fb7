import '@mantine/spotlight/styles.css';
import { Badge, Group, Loader, Text } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconCalendarEvent, IconChecklist, IconFlag, IconMessages, IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AccountSummary, NoteHit } from '../../../shared/contract';
import { compareNatural, formatDate } from '../../../shared/format';
import { useQuery } from '../hooks/use-query';
import { openAccount } from '../portfolio/account-link';
import { STAGES } from '../portfolio/StageBadge';

export interface Command {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  /** Extra words that find the command ("dark" finds "Toggle dark mode", "theme" too). */
  keywords?: string;
  /** A shortcut shown on the right, e.g. "G P". */
  hint?: string;
  run: () => void;
}

// Enough to pick from at a glance; typing more narrows 2,000 accounts to these quickly.
const MAX_ACCOUNTS = 30;

/** Accounts whose name starts with the query first, then those that contain it in the name, owner or industry. */
function matchAccounts(accounts: readonly AccountSummary[], query: string): AccountSummary[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return accounts.slice(0, 8);
  const starts: AccountSummary[] = [];
  const contains: AccountSummary[] = [];
  for (const a of accounts) {
    const name = a.name.toLocaleLowerCase();
    if (name.startsWith(needle)) starts.push(a);
    else if (name.includes(needle) || a.owner?.toLocaleLowerCase().includes(needle) || a.industry?.toLocaleLowerCase().includes(needle)) {
      contains.push(a);
    }
    if (starts.length >= MAX_ACCOUNTS) break;
  }
  return [...starts, ...contains].slice(0, MAX_ACCOUNTS);
}

function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const text = `${c.label} ${c.description ?? ''} ${c.keywords ?? ''}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

const NOTE_ICONS = { touchpoint: IconMessages, qbr: IconCalendarEvent, action_item: IconChecklist, milestone: IconFlag } as const;
const NOTE_LABELS = { touchpoint: 'Touchpoint', qbr: 'QBR', action_item: 'Action item', milestone: 'Milestone' } as const;

function NoteAction({ note }: { note: NoteHit }) {
  const Icon = NOTE_ICONS[note.source];
  return (
    <Spotlight.Action onClick={() => openAccount(note.accountId, note.tab)} data-testid="command-note">
      <Group wrap="nowrap" gap="sm" w="100%" align="flex-start">
        <Icon size={18} stroke={1.5} style={{ flexShrink: 0, opacity: 0.7, marginTop: 2 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text truncate>
            {note.accountName} · {note.title}
          </Text>
          {note.snippet && (
            <Text size="xs" opacity={0.7} lineClamp={2}>
              {note.snippet}
            </Text>
          )}
        </div>
        <Text size="xs" opacity={0.7} style={{ flexShrink: 0 }}>
          {NOTE_LABELS[note.source]}
          {note.date ? ` · ${formatDate(note.date)}` : ''}
        </Text>
      </Group>
    </Spotlight.Action>
  );
}

/** What opens the single match among commands, accounts and notes; null when there are none or several. */
function onlyMatch(commands: readonly Command[], accounts: readonly AccountSummary[], notes: readonly NoteHit[]): (() => void) | null {
  if (commands.length + accounts.length + notes.length !== 1) return null;
  if (commands[0]) return commands[0].run;
  if (accounts[0]) {
    const { id } = accounts[0];
    return () => openAccount(id);
  }
  const note = notes[0];
  return () => openAccount(note.accountId, note.tab);
}

/**
 * Ctrl/⌘+K: every account (jump to it), the app's commands and the notes the CSM wrote, in one search. The accounts are read when the
 * palette first opens, so a CSM who never opens it costs the start-up nothing.
 */
export function CommandPalette({ commands }: { commands: readonly Command[] }) {
  const [query, setQuery] = useState('');
  const [wanted, setWanted] = useState(false);
  const accounts = useQuery('accounts.list', {}, { enabled: wanted });
  // Natural name order ("Summit Capital 2" before "Summit Capital 10"), sorted once per read, not per keystroke.
  const items = useMemo(() => (accounts.data ? [...accounts.data.items].sort((a, b) => compareNatural(a.name, b.name)) : undefined), [accounts.data]);
  const shownCommands = useMemo(() => matchCommands(commands, query), [commands, query]);
  const shownAccounts = useMemo(() => matchAccounts(items ?? [], query), [items, query]);
  // Notes, QBR outcomes and action items, searched in main once the CSM pauses on two characters or more.
  const [noteQuery] = useDebouncedValue(query.trim(), 150);
  const notes = useQuery('search.notes', { query: noteQuery, limit: 8 }, { enabled: wanted && noteQuery.length >= 2 });
  const shownNotes = noteQuery.length >= 2 && noteQuery === query.trim() ? (notes.data?.items ?? []) : [];
  // The one thing the search found, if it found exactly one: Enter opens it even before anything is highlighted
  // (notes arrive after the keystroke, when Mantine has already picked what to highlight).
  const only = onlyMatch(shownCommands, shownAccounts, shownNotes);
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !only) return;
    // A highlighted action is Mantine's to trigger on this same Enter; running it here too would open it twice.
    if (document.querySelector('[data-action][data-selected]')) return;
    spotlight.close();
    only();
  };
  const nothing = shownCommands.length === 0 && shownAccounts.length === 0 && shownNotes.length === 0 && !notes.loading;

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Ctrl/⌘+K also works from inside a text field: it is a chord, not a character anyone types.
      tagsToIgnore={[]}
      // Opens empty: a search left over from last time would hide the accounts and commands the CSM came for.
      onSpotlightOpen={() => {
        setQuery('');
        setWanted(true);
      }}
      scrollable
      maxHeight={460}
      data-testid="command-palette"
    >
      <Spotlight.Search onKeyDown={onSearchKeyDown} placeholder="Jump to an account, or type a command…" leftSection={<IconSearch size={18} stroke={1.6} />} />
      <Spotlight.ActionsList>
        {shownCommands.length > 0 && (
          <Spotlight.ActionsGroup label="Commands">
            {shownCommands.map((c) => (
              <Spotlight.Action
                key={c.id}
                label={c.label}
                description={c.description}
                leftSection={c.icon}
                rightSection={c.hint ? <Text size="xs">{c.hint}</Text> : undefined}
                onClick={c.run}
                data-testid={`command-${c.id}`}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {shownAccounts.length > 0 && (
          <Spotlight.ActionsGroup label={query.trim() ? 'Accounts' : `Accounts (type to search all ${items?.length ?? ''})`}>
            {shownAccounts.map((a) => (
              <Spotlight.Action key={a.id} onClick={() => openAccount(a.id)} data-testid="command-account">
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconBuilding size={18} stroke={1.5} style={{ flexShrink: 0, opacity: 0.7 }} />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text truncate>{a.name}</Text>
                    {/* Inherits the action's colour at reduced opacity: grey text would vanish on the selected (filled) action. */}
                    <Text size="xs" opacity={0.7} truncate>
                      {[a.owner, a.industry].filter(Boolean).join(' · ') || 'no owner'}
                    </Text>
                  </div>
                  {a.churned ? (
                    <Badge size="xs" color="gray" variant="light">
                      Churned
                    </Badge>
                  ) : (
                    a.stage && (
                      <Badge size="xs" color={STAGES[a.stage].color} variant="light">
                        {STAGES[a.stage].label}
                      </Badge>
                    )
                  )}
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {shownNotes.length > 0 && (
          <Spotlight.ActionsGroup label={notes.data?.more ? 'Notes (the newest; type more words to narrow)' : 'Notes'}>
            {shownNotes.map((n) => (
              <NoteAction key={`${n.source}:${n.id}`} note={n} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {accounts.loading && (
          <Group justify="center" p="sm">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Reading the accounts…
            </Text>
          </Group>
        )}
        {accounts.error && (
          <Text size="sm" c="red" p="sm">
            Could not read the accounts: {accounts.error.message}
          </Text>
        )}
        {nothing && !accounts.loading && <Spotlight.Empty>Nothing matches “{query.trim()}”.</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
