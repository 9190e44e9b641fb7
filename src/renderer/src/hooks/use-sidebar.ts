// Whether the sidebar shows its labels or only its icons. On a window narrower than 1200 px it starts as icons, so
// the portfolio keeps its columns; once the CSM toggles it, their choice holds at every width on this computer.
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { useCallback } from 'react';

type Choice = 'icons' | 'labels' | 'auto';

export const SIDEBAR_WIDTH = { labels: 220, icons: 64 } as const;

export function useSidebar(): { iconsOnly: boolean; toggle: () => void } {
  const narrow = useMediaQuery('(max-width: 1199px)', window.innerWidth < 1200, { getInitialValueInEffect: false });
  const [choice, setChoice] = useLocalStorage<Choice>({
    key: 'bearing-sidebar',
    defaultValue: 'auto',
    getInitialValueInEffect: false,
    deserialize: (value) => (value === 'icons' || value === 'labels' ? value : 'auto'),
    serialize: (value) => value,
  });
  const iconsOnly = choice === 'auto' ? narrow : choice === 'icons';
  const toggle = useCallback(() => setChoice(iconsOnly ? 'labels' : 'icons'), [iconsOnly, setChoice]);
  return { iconsOnly, toggle };
}
