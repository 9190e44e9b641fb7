// When a plain key belongs to what has focus rather than to a screen's list (Home's triage, the portfolio's rows):
// while the CSM types in a field, or a dialog, a menu or the command palette is open, the keys are theirs.

/** A text field, a select, any input (a radio group takes arrows too) or editable content has focus. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A modal (the command palette is one), or a menu is open somewhere on the page. */
export function somethingOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="menu"]') !== null;
}

/** Enter on a focused link or button does what it says, not what a list's selection does. */
export function isActionable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('a, button, [role="button"]') !== null;
}

/** Widgets that move their own selection with the arrow keys (tabs, radios, sliders, listboxes). */
export function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('[role="tab"], [role="radio"], [role="slider"], [role="option"], [role="listbox"]') !== null;
}
