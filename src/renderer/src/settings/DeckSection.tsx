import { Button, ColorInput, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { SettingsSection } from './SettingsSection';

type DeckSettings = MethodOutput<'deck.settings.get'>['settings'];

/** The QBR deck's branding (issue #6): the CSM's company name, colour and logo on every slide. */
export function DeckSection() {
  const current = useQuery('deck.settings.get', {});
  if (!current.data) return null;
  // Keyed on the saved values, so a save elsewhere resets an untouched form.
  const s = current.data.settings;
  return <DeckForm key={`${s.companyName}|${s.color}|${s.logoPath ?? ''}`} saved={s} defaults={current.data.defaults} />;
}

function DeckForm({ saved, defaults }: { saved: DeckSettings; defaults: DeckSettings }) {
  const [companyName, setCompanyName] = useState(saved.companyName);
  const [color, setColor] = useState(saved.color);
  const [logoPath, setLogoPath] = useState(saved.logoPath ?? '');
  const save = useMutation('deck.settings.set', { errorTitle: 'Could not save the deck settings', successMessage: 'The next QBR deck will use these.' });
  const changed = companyName !== saved.companyName || color !== saved.color || logoPath !== (saved.logoPath ?? '');
  return (
    <SettingsSection
      id="deck"
      title="QBR deck"
      description="Your company’s name, colour and logo on every slide of the decks built with “Prepare QBR”."
    >
      <Stack gap="sm" maw={520}>
        <TextInput label="Company name" value={companyName} onChange={(e) => setCompanyName(e.currentTarget.value)} data-testid="deck-company" />
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
            disabled={!changed || companyName.trim() === ''}
            loading={save.running}
            onClick={() => void save.mutate({ companyName: companyName.trim(), color, logoPath: logoPath.trim() === '' ? null : logoPath.trim() })}
            data-testid="deck-save"
          >
            Save
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
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
