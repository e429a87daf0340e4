// Control, format (bidi overrides, zero-width…), separator, private-use and unassigned code points other than the
// plain space, and the characters that render as nothing (fillers, joiners, variation selectors, blank braille).
const HIDDEN = /(?! )[\p{C}\p{Z}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0]/u;

/** True when `text` holds a character that changes how it looks (or shows nothing): the screen would not show what is sent. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}
