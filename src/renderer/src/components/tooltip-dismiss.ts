// Tooltips close on click (issue #16): Mantine's tooltip stays open while the pointer rests on what was clicked,
// over the menu or dialog the click opened. A press anywhere hides every tooltip (the theme gives them the class
// below) until the pointer moves onto something other than what it pressed, where tooltips work as before.
import classes from './tooltip-dismiss.module.css';

export const tooltipClassNames = { tooltip: classes.tooltip };

const FLAG = 'tooltipsDismissed';

export function installTooltipDismiss(doc: Document = document) {
  const root = doc.documentElement;
  let pressed: Element | null = null;
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!(event.target instanceof Element)) return;
      // What carries the open tooltip (aria-describedby names it); else what was pressed.
      pressed = event.target.closest('[aria-describedby]') ?? event.target;
      root.dataset[FLAG] = 'true';
    },
    true,
  );
  doc.addEventListener(
    'pointerover',
    (event) => {
      if (!pressed || (event.target instanceof Node && pressed.contains(event.target))) return;
      pressed = null;
      delete root.dataset[FLAG];
    },
    true,
  );
}
