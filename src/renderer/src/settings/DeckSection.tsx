import { Button, ColorInput, FileButton, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import type { MethodOutput } from '../../../shared/contract';
import { chooseFile, isClientError } from '../api/client';
import { useEditsOverSaved } from '../hooks/use-edits-over-saved';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { SettingsSection } from './SettingsSection';

type DeckSettings = MethodOutput<'deck.settings.get'>['settings'];

/**
 * The QBR deck's branding (issue #6): the CSM's company name, colour and logo on every slide; and who signs the
 * title slide, the CSM's name and title (issue #12).
 */
export function DeckSection() {
  const current = useQuery('deck.settings.get', {});
  if (!current.data) return null;
  return <DeckForm saved={current.data.settings} defaults={current.data.defaults} />;
}

/** The logo on screen: the saved one (file null), one just chosen (main's handle for it), or none. */
type LogoChoice = { file: string | null; name: string } | null;

const TEXTS = ['csmName', 'csmTitle', 'companyName', 'color'] as const;
type TextField = (typeof TEXTS)[number];

/** The CSM's edits: a field is edited when its key is here (`logo: null` is a removed logo). */
type Edit = Partial<Record<TextField, string>> & { logo?: LogoChoice };

/** A logo this form sent with Save, and the saved logo's file then: the save landed once the saved file differs. */
interface SentLogo {
  file: string;
  savedPath: string | null;
}

/**
 * The edits fresh settings do not hold yet (the same object when they hold none). A text is held when it is stored
 * as Save sends it (trimmed; the colour in lower case), a removed logo when none is saved, a chosen logo once the
 * save that sent it has stored a new file.
 */
function withoutSaved(edit: Edit, saved: DeckSettings, sent: SentLogo | null): Edit {
  const held = (k: TextField) => {
    const v = edit[k];
    return v !== undefined && (k === 'color' ? v.toLowerCase() : v.trim()) === saved[k];
  };
  const logoHeld =
    'logo' in edit &&
    (edit.logo === null ? saved.logoName === null : edit.logo?.file != null && edit.logo.file === sent?.file && saved.logoPath !== sent.savedPath);
  if (!logoHeld && !TEXTS.some(held)) return edit;
  const left: Edit = {};
  for (const k of TEXTS) if (edit[k] !== undefined && !held(k)) left[k] = edit[k];
  if ('logo' in edit && !logoHeld) left.logo = edit.logo;
  return left;
}

const LOGO_ERROR = 'Could not use that logo';

/**
 * "Choose logo…": main's own OS dialog in the desktop app, a file input whose file is uploaded in a browser;
 * either way the page gets a handle, never a path, and main keeps a copy of the image when the form is saved.
 */
function ChooseLogoButton({ onChosen }: { onChosen: (logo: { file: string; name: string }) => void }) {
  const bridge = window.bearing;
  const [busy, setBusy] = useState(false);
  const fail = (message: string) => notifications.show({ color: 'red', title: LOGO_ERROR, message, autoClose: 10_000 });
  const take = (picked: PickedFile['result']) => (picked.ok ? onChosen({ file: picked.value.file, name: picked.value.name }) : fail(picked.error.message));
  const button = (onClick: () => void) => (
    <Button variant="default" size="xs" leftSection={<IconPhoto size={14} />} loading={busy} onClick={onClick} data-testid="deck-logo-choose">
      Choose logo…
    </Button>
  );
  if (bridge) {
    return button(() => {
      void bridge.pickFiles('logo').then(([picked]) => picked && take(picked.result));
    });
  }
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      take({ ok: true, value: await chooseFile(file) });
    } catch (caught) {
      fail(isClientError(caught) ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FileButton accept="image/png,image/jpeg" onChange={(file) => void upload(file)}>
      {({ onClick }) => button(onClick)}
    </FileButton>
  );
}

function DeckForm({ saved, defaults }: { saved: DeckSettings; defaults: DeckSettings }) {
  // The CSM's edits, a logo chosen included, lie over the saved values until fresh settings hold them
  // (use-edits-over-saved.ts).
  const [sent, setSent] = useState<SentLogo | null>(null);
  const [edit, setEdit] = useEditsOverSaved<DeckSettings, Edit>(saved, {}, (e, fresh) => withoutSaved(e, fresh, sent));
  const set = (k: TextField) => (value: string) => setEdit((e) => ({ ...e, [k]: value }));
  const setLogo = (logo: LogoChoice) => setEdit((e) => ({ ...e, logo }));
  const { csmName, csmTitle, companyName, color } = { ...saved, ...edit };
  const logo: LogoChoice = 'logo' in edit ? (edit.logo ?? null) : saved.logoName ? { file: null, name: saved.logoName } : null;
  const save = useMutation('deck.settings.set', { errorTitle: 'Could not save the deck settings', successMessage: 'The next QBR deck will use these.' });
  const logoChanged = logo?.file != null || (logo === null) !== (saved.logoName === null);
  const changed = csmName !== saved.csmName || csmTitle !== saved.csmTitle || companyName !== saved.companyName || color !== saved.color || logoChanged;
  return (
    <SettingsSection
      id="deck"
      title="QBR deck"
      description="Who signs the decks built with “Prepare QBR”, and your company’s name, colour and logo on every slide."
    >
      <Stack gap="sm" maw={520}>
        <Group grow align="flex-start">
          <TextInput
            label="Your name"
            description="Signs the title slide."
            placeholder="Jane Doe"
            maxLength={80}
            value={csmName}
            onChange={(e) => set('csmName')(e.currentTarget.value)}
            data-testid="deck-csm-name"
          />
          <TextInput
            label="Your title"
            description="Under your name."
            placeholder="Customer Success Manager"
            maxLength={80}
            value={csmTitle}
            onChange={(e) => set('csmTitle')(e.currentTarget.value)}
            data-testid="deck-csm-title"
          />
        </Group>
        <TextInput
          label="Company name"
          description="Your company, beside your title and in each slide’s footer; leave empty for none."
          maxLength={80}
          value={companyName}
          onChange={(e) => set('companyName')(e.currentTarget.value)}
          data-testid="deck-company"
        />
        <ColorInput label="Colour" value={color} onChange={set('color')} format="hex" swatches={[defaults.color, '#0b7285', '#2b8a3e', '#c2255c', '#e8590c', '#343a40']} eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }} data-testid="deck-color" />
        <Input.Wrapper label="Logo" description="A PNG or JPEG image, at most 5 MB; Bearing keeps its own copy.">
          <Group gap="sm" mt={4} wrap="nowrap">
            <Text size="sm" c={logo ? undefined : 'dimmed'} truncate="end" miw={0} data-testid="deck-logo">
              {logo ? logo.name : 'No logo'}
            </Text>
            <ChooseLogoButton onChosen={setLogo} />
            {logo && (
              <Button variant="subtle" size="xs" color="gray" onClick={() => setLogo(null)} data-testid="deck-logo-remove">
                Remove
              </Button>
            )}
          </Group>
        </Input.Wrapper>
        <Group gap="sm">
          <Button
            disabled={!changed}
            loading={save.running}
            onClick={() => {
              if (logo?.file != null) setSent({ file: logo.file, savedPath: saved.logoPath });
              void save.mutate({
                csmName: csmName.trim(),
                csmTitle: csmTitle.trim(),
                companyName: companyName.trim(),
                color,
                ...(logoChanged ? { logo: logo?.file ?? null } : {}),
              });
            }}
            data-testid="deck-save"
          >
            Save
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              // Your name and title are not branding: a reset of the look keeps them.
              setEdit((e) => ({ ...e, companyName: defaults.companyName, color: defaults.color, logo: null }));
            }}
          >
            Reset to defaults
          </Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
