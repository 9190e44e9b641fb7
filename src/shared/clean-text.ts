// Text as Bearing stores it: without the control characters a file can carry (NUL, ESC, BEL, DEL, the C1 block,
// and U+FFFE / U+FFFF), which break a PPTX's XML, write escape codes to a terminal and are invisible on screen.
// A terminal escape sequence ("ESC[31m", "ESC]0;title BEL") goes as a whole, so no "[31m" is left in a name.
// Tab, line feed and carriage return are kept: they are whitespace (a quoted multi-line cell keeps its lines) and
// valid in XML.

/** One character Bearing never stores. Tested on every imported cell: one regex test, no allocation. */
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
/** An escape sequence (CSI "ESC[…letter", OSC "ESC]…BEL" or "ESC]…ESC\"), else one control character. */
const CONTROL_ALL =
  // eslint-disable-next-line no-control-regex -- as above
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** The text without its control characters, and how many were removed (an escape sequence counts as one). */
export function stripControlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(CONTROL_ALL, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

/** How the first control character of a text is named in a warning: "U+001B". */
export function controlCharName(text: string): string | null {
  const m = CONTROL.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
