import { AppShell } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { useEffect } from 'react';
import { useAccountRoute } from './account/use-account-route';
import { AppCommands } from './components/AppCommands';
import { AppHeader } from './components/AppHeader';
import { AppNavbar } from './components/AppNavbar';
import { DemoBanner } from './components/DemoBanner';
import { DropAnywhere } from './components/DropAnywhere';
import { ReminderWatcher } from './components/ReminderWatcher';
import { useHashRoute } from './hooks/use-hash-route';
import { useQuery } from './hooks/use-query';
import { SIDEBAR_WIDTH, useSidebar } from './hooks/use-sidebar';
import { ImportSessionProvider, useImportSession } from './import/ImportSession';
import { AccountScreen } from './screens/AccountScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ImportScreen } from './screens/ImportScreen';
import { PortfolioScreen } from './screens/PortfolioScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { SettingsScreen } from './screens/SettingsScreen';

export function App() {
  // Asked once: a book that could not be opened starts the app in recovery, where no other method answers.
  const status = useQuery('app.status', {}, { reads: [] });
  if (status.data?.state === 'recovery') return <RecoveryScreen status={status.data} />;
  // A host that cannot answer app.status still shows the app, which then says what is wrong where it is.
  if (status.loading) return null;
  return (
    <ImportSessionProvider>
      <Shell />
    </ImportSessionProvider>
  );
}

function Shell() {
  const [route, navigate] = useHashRoute();
  // '#/account/<id>' reads as the portfolio to useHashRoute (so Portfolio stays highlighted); the account replaces it.
  const accountId = useAccountRoute();
  const [navOpened, nav] = useDisclosure(false);
  const info = useQuery('app.info', {});
  const importSession = useImportSession();
  const sidebar = useSidebar();
  const [demoBanner, setDemoBanner] = useLocalStorage<'shown' | 'collapsed'>({
    key: 'bearing-demo-banner',
    defaultValue: 'shown',
    getInitialValueInEffect: false,
    deserialize: (value) => (value === 'collapsed' ? 'collapsed' : 'shown'),
    serialize: (value) => value,
  });
  // Below Mantine's 'sm' the navbar is an overlay opened by the burger: it keeps its labels there.
  const iconsOnly = sidebar.iconsOnly && !navOpened;
  // Home is where the app opens, once there is a book: an empty one goes to the portfolio's first-run screen.
  const emptyBook = info.data?.counts.accounts === 0;
  useEffect(() => {
    if (route === 'home' && accountId === null && emptyBook) window.location.replace('#/portfolio');
  }, [route, accountId, emptyBook]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: iconsOnly ? SIDEBAR_WIDTH.icons : SIDEBAR_WIDTH.labels, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          demoLoaded={info.data?.demo.loaded ?? false}
          demoBannerCollapsed={demoBanner === 'collapsed'}
          onShowDemoBanner={() => setDemoBanner('shown')}
        />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar route={route} onNavigate={nav.close} info={info.data} iconsOnly={iconsOnly} onToggleIcons={sidebar.toggle} />
      </AppShell.Navbar>
      {/* On the portfolio, a fixed-height column: the table fills what is left and scrolls inside itself. */}
      <AppShell.Main style={route === 'portfolio' && accountId === null ? { display: 'flex', flexDirection: 'column', height: '100dvh' } : undefined}>
        {info.data?.demo.loaded && (
          <DemoBanner demoAccounts={info.data.demo.accounts} collapsed={demoBanner === 'collapsed'} onCollapse={() => setDemoBanner('collapsed')} />
        )}
        {accountId !== null && <AccountScreen key={accountId} id={accountId} />}
        {/* Home also opens when the book cannot be read (no token, host gone): it says what went wrong. */}
        {route === 'home' && accountId === null && (info.error || (info.data && !emptyBook)) && <HomeScreen />}
        {route === 'portfolio' && accountId === null && <PortfolioScreen onImport={() => navigate('import')} />}
        {route === 'import' && <ImportScreen />}
        {route === 'settings' && <SettingsScreen info={info.data} error={info.error} />}
      </AppShell.Main>
      <DropAnywhere
        onDrop={(files) => {
          importSession.addFiles(files);
          navigate('import');
        }}
      />
      <AppCommands navigate={navigate} demoLoaded={info.data?.demo.loaded ?? false} />
      {/* The desktop app's main process notifies through the OS; the web host's page shows the digest itself. */}
      {info.data?.host === 'web' && <ReminderWatcher />}
    </AppShell>
  );
}
