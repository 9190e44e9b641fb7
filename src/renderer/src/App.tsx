import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { AppNavbar } from './components/AppNavbar';
import { DemoBanner } from './components/DemoBanner';
import { DropAnywhere } from './components/DropAnywhere';
import { useHashRoute } from './hooks/use-hash-route';
import { useQuery } from './hooks/use-query';
import { ImportScreen } from './screens/ImportScreen';
import { PortfolioScreen } from './screens/PortfolioScreen';
import { SettingsScreen } from './screens/SettingsScreen';

export function App() {
  const [route, navigate] = useHashRoute();
  const [navOpened, nav] = useDisclosure(false);
  const info = useQuery('app.info', {});
  const [dropped, setDropped] = useState<File[]>([]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} demoLoaded={info.data?.demo.loaded ?? false} />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar route={route} onNavigate={nav.close} info={info.data} />
      </AppShell.Navbar>
      {/* On the portfolio, a fixed-height column: the table fills what is left and scrolls inside itself. */}
      <AppShell.Main style={route === 'portfolio' ? { display: 'flex', flexDirection: 'column', height: '100dvh' } : undefined}>
        {info.data?.demo.loaded && <DemoBanner demoAccounts={info.data.demo.accounts} />}
        {route === 'portfolio' && <PortfolioScreen onImport={() => navigate('import')} />}
        {route === 'import' && <ImportScreen dropped={dropped} onDrop={setDropped} />}
        {route === 'settings' && <SettingsScreen info={info.data} error={info.error} />}
      </AppShell.Main>
      <DropAnywhere
        active={route !== 'import'}
        onDrop={(files) => {
          setDropped(files);
          navigate('import');
        }}
      />
    </AppShell>
  );
}
