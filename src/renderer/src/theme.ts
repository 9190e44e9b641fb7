import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

const inter = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: inter,
  headings: { fontFamily: inter, fontWeight: '600' },
});

/** The CSM's light/dark choice survives restarts; until they choose, the OS preference applies ('auto'). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'bearing-color-scheme' });
