import { Button, ColorInput, FileButton, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import type { MethodOutput } from '../../../shared/contract';
import { chooseFile, isClientError } from '../api/client';
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
  // Keyed on the saved values, so a save elsewhere resets an untouched form.
  const s = current.data.settings;
  return <DeckForm key={`${s.companyName}|${s.csmName}|${s.csmTitle}|${s.color}|${s.logoPath ?? ''}`} saved={s} defaults={current.data.defaults} />;
}

/** The logo on screen: the saved one (file null), one just chosen (main's handle for it), or none. */
type LogoChoice = { file: string | null; name: string } | null;

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
  const [csmName, setCsmName] = useState(saved.csmName);
  const [csmTitle, setCsmTitle] = useState(saved.csmTitle);
  const [companyName, setCompanyName] = useState(saved.companyName);
  const [color, setColor] = useState(saved.color);
  const [logo, setLogo] = useState<LogoChoice>(saved.logoName ? { file: null, name: saved.logoName } : null);
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
            onChange={(e) => setCsmName(e.currentTarget.value)}
            data-testid="deck-csm-name"
          />
          <TextInput
            label="Your title"
            description="Under your name."
            placeholder="Customer Success Manager"
            maxLength={80}
            value={csmTitle}
            onChange={(e) => setCsmTitle(e.currentTarget.value)}
            data-testid="deck-csm-title"
          />
        </Group>
        <TextInput
          label="Company name"
          description="Your company, beside your title and in each slide’s footer; leave empty for none."
          maxLength={80}
          value={companyName}
          onChange={(e) => setCompanyName(e.currentTarget.value)}
          data-testid="deck-company"
        />
        <ColorInput label="Colour" value={color} onChange={setColor} format="hex" swatches={[defaults.color, '#0b7285', '#2b8a3e', '#c2255c', '#e8590c', '#343a40']} eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }} data-testid="deck-color" />
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
            onClick={() =>
              void save.mutate({
                csmName: csmName.trim(),
                csmTitle: csmTitle.trim(),
                companyName: companyName.trim(),
                color,
                ...(logoChanged ? { logo: logo?.file ?? null } : {}),
              })
            }
            data-testid="deck-save"
          >
            Save
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              // Your name and title are not branding: a reset of the look keeps them.
              setCompanyName(defaults.companyName);
              setColor(defaults.color);
              setLogo(null);
            }}
          >
            Reset to defaults
          </Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
