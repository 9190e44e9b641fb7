import { AppShell, NavLink, Text, Tooltip } from '@mantine/core';
import {
  IconFileImport,
  IconHome,
  IconLayoutDashboard,
  IconLayoutSidebarLeftCollapse,
  IconLayoutSidebarLeftExpand,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';
import type { AppInfo } from '../../../shared/contract';
import type { Route } from '../hooks/use-hash-route';

const ITEMS: { route: Route; label: string; icon: Icon }[] = [
  { route: 'home', label: 'Today', icon: IconHome },
  { route: 'portfolio', label: 'Portfolio', icon: IconLayoutDashboard },
  { route: 'import', label: 'Import', icon: IconFileImport },
  { route: 'settings', label: 'Settings', icon: IconSettings },
];

interface Props {
  route: Route;
  /** Called after a link is followed (closes the navbar on narrow windows). */
  onNavigate: () => void;
  info: AppInfo | undefined;
  /** Icons only (a narrow window, or the CSM's choice): each link is named by its aria-label and a tooltip. */
  iconsOnly: boolean;
  onToggleIcons: () => void;
}

export function AppNavbar({ route, onNavigate, info, iconsOnly, onToggleIcons }: Props) {
  const ToggleIcon = iconsOnly ? IconLayoutSidebarLeftExpand : IconLayoutSidebarLeftCollapse;
  const toggleLabel = iconsOnly ? 'Expand sidebar' : 'Collapse sidebar';
  return (
    <>
      <AppShell.Section grow p="xs" component="nav" aria-label="Main">
        {ITEMS.map(({ route: r, label, icon: ItemIcon }) => (
          <Tooltip key={r} label={label} position="right" disabled={!iconsOnly} withArrow>
            <NavLink
              href={`#/${r}`}
              label={iconsOnly ? undefined : label}
              aria-label={iconsOnly ? label : undefined}
              leftSection={<ItemIcon size={18} stroke={1.6} />}
              active={route === r}
              aria-current={route === r ? 'page' : undefined}
              onClick={onNavigate}
              data-testid={`nav-${r}`}
            />
          </Tooltip>
        ))}
      </AppShell.Section>
      {/* The toggle only matters beside the content: on a phone-narrow window the navbar is an overlay with a burger. */}
      <AppShell.Section p="xs" visibleFrom="sm">
        <Tooltip label={toggleLabel} position="right" disabled={!iconsOnly} withArrow>
          <NavLink
            component="button"
            label={iconsOnly ? undefined : toggleLabel}
            aria-label={iconsOnly ? toggleLabel : undefined}
            aria-expanded={!iconsOnly}
            leftSection={<ToggleIcon size={18} stroke={1.6} />}
            onClick={onToggleIcons}
            c="dimmed"
            data-testid="nav-toggle"
          />
        </Tooltip>
      </AppShell.Section>
      {info && !iconsOnly && (
        <AppShell.Section px="md" pb="md">
          <Text size="xs" c="dimmed">
            Bearing {info.version} · {info.host === 'electron' ? 'desktop' : 'local web host'}
          </Text>
        </AppShell.Section>
      )}
    </>
  );
}
