// Text as Bearing stores it: without the control characters a file can carry (NUL, ESC, BEL, DEL, the C1 block,
// and U+FFFE / U+FFFF), which break a PPTX's XML, write escape codes to a terminal and are invisible on screen.
// Tab, line feed and carriage return are kept: they are whitespace (a quoted multi-line cell keeps its lines) and
// valid in XML.

/** One character Bearing never stores. Tested on every imported cell: one regex test, no allocation. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** The text without its control characters, and how many were removed. */
export function stripControlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(CONTROL_ALL, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

/** How a removed character is named in a warning: "U+001B". */
export function controlCharName(text: string): string | null {
  const m = CONTROL.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
