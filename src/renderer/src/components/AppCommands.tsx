import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDatabaseExport,
  IconFileImport,
  IconHome,
  IconFlask,
  IconKeyboard,
  IconLayoutDashboard,
  IconMoon,
  IconSettings,
  IconSun,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { formatCount } from '../../../shared/format';
import type { Route } from '../hooks/use-hash-route';
import { useMutation } from '../hooks/use-mutation';
import { CommandPalette, type Command } from './CommandPalette';
import { RemoveDemoModal } from './RemoveDemoModal';
import { MOD } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

interface Props {
  navigate: (route: Route) => void;
  demoLoaded: boolean;
}

const iconProps = { size: 18, stroke: 1.6 } as const;

/**
 * Everything the CSM can ask for from anywhere: the command palette (Ctrl/⌘+K), the keyboard shortcuts and their
 * help ("?"), and the desktop menu's commands (File › Import…, Settings…, Help), which main sends to the page.
 */
export function AppCommands({ navigate, demoLoaded }: Props) {
  const [helpOpened, help] = useDisclosure(false);
  const [removing, removeDemo] = useDisclosure(false);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const { mutate: loadDemo } = useMutation('demo.load', {
    errorTitle: 'Could not load the demo book',
    successMessage: ({ accounts, alreadyLoaded }) =>
      alreadyLoaded ? 'The demo book is already loaded.' : `Loaded the demo book: ${formatCount(accounts)} sample accounts.`,
  });
  const { mutate: backupNow } = useMutation('backup.create', {
    errorTitle: 'Could not back up',
    successMessage: (b) => `Backed up to ${b.file}.`,
  });

  useKeyboardShortcuts({ navigate, openHelp: help.open });

  useEffect(() => {
    // Absent in the web host: the desktop menu is the only sender.
    return window.bearing?.onMenuCommand((command) => {
      if (command === 'help') help.open();
      else navigate(command);
    });
  }, [navigate, help]);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'go-home', label: 'Go to Today', keywords: 'home tasks queue triage', icon: <IconHome {...iconProps} />, hint: 'G H', run: () => navigate('home') },
      { id: 'go-portfolio', label: 'Go to Portfolio', icon: <IconLayoutDashboard {...iconProps} />, hint: 'G P', run: () => navigate('portfolio') },
      { id: 'go-import', label: 'Go to Import', keywords: 'csv upload file', icon: <IconFileImport {...iconProps} />, hint: 'G I', run: () => navigate('import') },
      { id: 'go-settings', label: 'Go to Settings', keywords: 'preferences health weights', icon: <IconSettings {...iconProps} />, hint: 'G S', run: () => navigate('settings') },
      {
        id: 'toggle-theme',
        label: scheme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode',
        description: 'Toggle dark mode',
        keywords: 'theme dark light colour color',
        icon: scheme === 'dark' ? <IconSun {...iconProps} /> : <IconMoon {...iconProps} />,
        run: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
      },
      {
        id: 'backup',
        label: 'Back up now',
        description: 'A copy of all your data in the backups folder',
        keywords: 'backup save copy',
        icon: <IconDatabaseExport {...iconProps} />,
        run: () => void backupNow({}),
      },
      demoLoaded
        ? { id: 'remove-demo', label: 'Remove the demo book', keywords: 'sample delete', icon: <IconTrash {...iconProps} />, run: removeDemo.open }
        : {
            id: 'load-demo',
            label: 'Load the demo book',
            description: 'Sample accounts to look around with',
            keywords: 'sample example',
            icon: <IconFlask {...iconProps} />,
            run: () => void loadDemo({}),
          },
      { id: 'shortcuts', label: 'Keyboard shortcuts', keywords: 'help keys', icon: <IconKeyboard {...iconProps} />, hint: '?', run: help.open },
    ],
    [navigate, scheme, setColorScheme, backupNow, demoLoaded, removeDemo, loadDemo, help],
  );

  return (
    <>
      <CommandPalette commands={commands} />
      <ShortcutsHelp opened={helpOpened} onClose={help.close} desktop={Boolean(window.bearing)} />
      <RemoveDemoModal opened={removing} onClose={removeDemo.close} howToReload={`from the command palette (${MOD}+K) or the empty portfolio`} />
    </>
  );
}
