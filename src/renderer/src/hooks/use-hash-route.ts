// The URL hash is the router: it survives a reload and works the same from file:// (Electron) and http:// (web
// host). No hash at all is Home (Today), the screen the app opens on; App.tsx sends an empty book to the portfolio.
import { useCallback, useSyncExternalStore } from 'react';

const ROUTES = ['home', 'portfolio', 'import', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  if (name === '') return 'home';
  return ROUTES.find((r) => r === name) ?? 'portfolio';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, currentRoute);
  const navigate = useCallback((next: Route) => {
    window.location.hash = `/${next}`;
  }, []);
  return [route, navigate];
}
