import { Button, ColorInput, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
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

function DeckForm({ saved, defaults }: { saved: DeckSettings; defaults: DeckSettings }) {
  const [csmName, setCsmName] = useState(saved.csmName);
  const [csmTitle, setCsmTitle] = useState(saved.csmTitle);
  const [companyName, setCompanyName] = useState(saved.companyName);
  const [color, setColor] = useState(saved.color);
  const [logoPath, setLogoPath] = useState(saved.logoPath ?? '');
  const save = useMutation('deck.settings.set', { errorTitle: 'Could not save the deck settings', successMessage: 'The next QBR deck will use these.' });
  const changed =
    csmName !== saved.csmName || csmTitle !== saved.csmTitle || companyName !== saved.companyName || color !== saved.color || logoPath !== (saved.logoPath ?? '');
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
        <TextInput
          label="Logo"
          description="The path of a PNG or JPEG file on this computer; leave empty for no logo."
          placeholder="/Users/me/Pictures/logo.png"
          value={logoPath}
          onChange={(e) => setLogoPath(e.currentTarget.value)}
          data-testid="deck-logo"
        />
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
                logoPath: logoPath.trim() === '' ? null : logoPath.trim(),
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
              setLogoPath(defaults.logoPath ?? '');
            }}
          >
            Reset to defaults
          </Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
