import {
  createTheme,
  darken,
  DEFAULT_THEME,
  getContrastColor,
  lighten,
  localStorageColorSchemeManager,
  luminance,
  Modal,
  Notification,
  Tooltip,
  type CSSVariablesResolver,
} from '@mantine/core';
import { tooltipClassNames } from './components/tooltip-dismiss';

const inter = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: inter,
  headings: { fontFamily: inter, fontWeight: '600' },
  // Filled surfaces (buttons, badges, progress bars) in shade 8 in both schemes, and the text on them black or white,
  // whichever contrasts more: 0.179 is the luminance where both are equal, so every filled label reaches 4.5:1
  // (Mantine's defaults, shade 6 and always white above 0.3, put white on green at 2.4:1).
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.179,
  components: {
    // Mantine leaves the close buttons of dialogs and toasts without a name, and writes a toast's message under its
    // title in a fixed grey (3.3:1): the buttons get a name, the message the readable dimmed colour below.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: (_theme, props) => ({ description: props.title ? { color: 'var(--mantine-color-dimmed)' } : {} }),
    }),
    // A tooltip closes when what it explains is clicked (components/tooltip-dismiss.ts).
    Tooltip: Tooltip.extend({ classNames: tooltipClassNames }),
  },
});

/** WCAG 2 AA for text; a little above 4.5 so that a translucent background cannot round it under. */
const TEXT_CONTRAST = 4.6;

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `color`, darkened (light scheme) or lightened (dark scheme) by the least step that reads on every background. */
function readable(color: string, backgrounds: string[], towards: 'darker' | 'lighter'): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = towards === 'darker' ? darken(color, step * 0.05) : lighten(color, step * 0.05);
    if (backgrounds.every((b) => contrast(candidate, b) >= TEXT_CONTRAST)) return candidate;
  }
  return towards === 'darker' ? DEFAULT_THEME.black : DEFAULT_THEME.white;
}

/**
 * Mantine's text colours as near to its own as WCAG AA allows. Its dimmed grey (3.3:1 on white), coloured text in
 * shade 6 (orange 2.6:1) and light-variant labels (teal on its tint 4.3:1) fall short; each is kept in its hue and
 * darkened (or, in dark mode, lightened) just enough for the surfaces it sits on: the body, cards, table stripes
 * and its own tint, hovered or not (dimmed text: any colour's tint). `--mantine-color-<name>-contrast` is the text
 * for a filled surface, for the portfolio's own badges (Mantine defines it only for virtual colours).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const { colors, white } = t;
  const lightSurfaces = [white, colors.gray[0], colors.gray[1]];
  const darkSurfaces = [colors.dark[7], colors.dark[6], colors.dark[5]];
  // Grey notes also sit on coloured tints (an alert, a rejected row): Mantine's light-variant backgrounds. Not the
  // dark palette's (a mid grey Bearing never writes on), nor, in dark mode, yellow's and lime's, so light that dimmed
  // text would be as bright as body text there: notes on those tints use the body colour (the axe checks hold it).
  const tints = (skip: string[]) => Object.entries(colors).filter(([name]) => !skip.includes(name)).map(([, shades]) => shades);
  const lightTints = tints(['dark']).map((shades) => shades[1]);
  const darkTints = tints(['dark', 'yellow', 'lime']).map((shades) => darken(shades[9], 0.5));
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readable(colors.gray[6], [...lightSurfaces, ...lightTints], 'darker'),
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': readable(colors.dark[2], [...darkSurfaces, ...darkTints], 'lighter'),
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  };
  for (const name of Object.keys(colors)) {
    const shades = colors[name];
    light[`--mantine-color-${name}-text`] = readable(shades[8], lightSurfaces, 'darker');
    // On its tint (shade 1) and its hover tint (shade 2).
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], [...lightSurfaces, shades[1], shades[2]], 'darker');
    dark[`--mantine-color-${name}-text`] = readable(shades[4], darkSurfaces, 'lighter');
    const contrastColor = getContrastColor({ color: name, theme: t, autoContrast: true });
    light[`--mantine-color-${name}-contrast`] = contrastColor;
    dark[`--mantine-color-${name}-contrast`] = contrastColor;
  }
  return { variables: {}, light, dark };
};

/** The CSM's light/dark choice survives restarts; until they choose, the OS preference applies ('auto'). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'bearing-color-scheme' });
