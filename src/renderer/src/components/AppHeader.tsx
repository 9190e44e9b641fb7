import { Badge, Burger, Group, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { ColorSchemeToggle } from './ColorSchemeToggle';

interface Props {
  navOpened: boolean;
  onToggleNav: () => void;
  demoLoaded: boolean;
  /** The demo banner is folded away: the Demo badge then unfolds it. */
  demoBannerCollapsed: boolean;
  onShowDemoBanner: () => void;
}

export function AppHeader({ navOpened, onToggleNav, demoLoaded, demoBannerCollapsed, onShowDemoBanner }: Props) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
        <ThemeIcon size="md" radius="md" variant="filled" aria-hidden>
          <IconCompass size={18} stroke={2} />
        </ThemeIcon>
        <Title order={1} fz="lg">
          Bearing
        </Title>
        {demoLoaded && !demoBannerCollapsed && (
          <Tooltip label="The sample book of accounts is loaded">
            <Badge color="orange" variant="filled" data-testid="demo-badge">
              Demo
            </Badge>
          </Tooltip>
        )}
        {demoLoaded && demoBannerCollapsed && (
          <Tooltip label="The sample book of accounts is loaded: click to show the demo banner, where it can be removed">
            <Badge
              component="button"
              color="orange"
              variant="filled"
              onClick={onShowDemoBanner}
              aria-label="Demo: show the demo banner"
              style={{ cursor: 'pointer' }}
              data-testid="demo-badge"
            >
              Demo
            </Badge>
          </Tooltip>
        )}
      </Group>
      <ColorSchemeToggle />
    </Group>
  );
}
