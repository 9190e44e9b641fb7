import { AppShell, NavLink, Text } from '@mantine/core';
import { IconFileImport, IconLayoutDashboard, IconSettings, type Icon } from '@tabler/icons-react';
import type { AppInfo } from '../../../shared/contract';
import type { Route } from '../hooks/use-hash-route';

const ITEMS: { route: Route; label: string; icon: Icon }[] = [
  { route: 'portfolio', label: 'Portfolio', icon: IconLayoutDashboard },
  { route: 'import', label: 'Import', icon: IconFileImport },
  { route: 'settings', label: 'Settings', icon: IconSettings },
];

interface Props {
  route: Route;
  /** Called after a link is followed (closes the navbar on narrow windows). */
  onNavigate: () => void;
  info: AppInfo | undefined;
}

export function AppNavbar({ route, onNavigate, info }: Props) {
  return (
    <>
      <AppShell.Section grow p="xs" component="nav" aria-label="Main">
        {ITEMS.map(({ route: r, label, icon: ItemIcon }) => (
          <NavLink
            key={r}
            href={`#/${r}`}
            label={label}
            leftSection={<ItemIcon size={18} stroke={1.6} />}
            active={route === r}
            aria-current={route === r ? 'page' : undefined}
            onClick={onNavigate}
            data-testid={`nav-${r}`}
          />
        ))}
      </AppShell.Section>
      {info && (
        <AppShell.Section p="md">
          <Text size="xs" c="dimmed">
            Bearing {info.version} · {info.host === 'electron' ? 'desktop' : 'local web host'}
          </Text>
        </AppShell.Section>
      )}
    </>
  );
}
