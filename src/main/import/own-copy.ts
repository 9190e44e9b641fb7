// Strings an import keeps (map keys, names of what it created) copied out of the file's text.
/**
 * A string that holds only its own characters. A cell the parser cut out of a decoded slice of the file is a view
 * of that slice of the file (V8 slices strings of 13 characters or more): kept as a key for the rest of the import, one
 * e-mail, UUID or event name would keep its whole slice alive, and a file's new people would keep most of the file.
 */
export function ownCopy<T extends string | null>(s: T): T {
  // Flattening the two-part string copies the characters; the slice is then a view of that small copy.
  return (s === null || s.length < 13 ? s : ` ${s}`.slice(1)) as T;
}
