// The account view is the app's one deep link: '#/account/<id>' (portfolio/account-link.ts writes it). It lives
// beside the screen routes of use-hash-route.ts, which reads it as the portfolio, so the Portfolio link stays lit.
import { useSyncExternalStore } from 'react';

// '#/account/12' or '#/account/12/qbrs': the tab is optional (a note found from Ctrl/⌘+K opens the tab that shows it).
const ACCOUNT_HASH = /^#\/?account\/(\d+)(?:\/(overview|milestones|qbrs|touchpoints|plan))?\/?$/;
export type AccountTab = 'overview' | 'milestones' | 'qbrs' | 'touchpoints' | 'plan';

function currentAccountId(): number | null {
  const match = ACCOUNT_HASH.exec(window.location.hash);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The account id in the address, or null when another screen is open. */
export function useAccountRoute(): number | null {
  return useSyncExternalStore(subscribe, currentAccountId);
}

function currentTab(): AccountTab | null {
  return (ACCOUNT_HASH.exec(window.location.hash)?.[2] as AccountTab | undefined) ?? null;
}

/** The tab the address asks for ('#/account/12/qbrs'), or null. */
export function useAccountTabRoute(): AccountTab | null {
  return useSyncExternalStore(subscribe, currentTab);
}
