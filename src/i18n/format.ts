/** Values for `{name}` placeholders. */
export type FormatValues = Readonly<Record<string, string | number>>;

/** One piece of a formatted message: literal text, or a filled placeholder a component may wrap (e.g. in `<bdi>`). */
export type MessagePart = string | { name: string; value: string };

// Names are word characters only, so text such as "{ }" or JSON-looking braces is never treated as a placeholder.
// The capture makes `split` keep each name, at the odd indexes.
const placeholder = /\{(\w+)\}/;

/**
 * Splits a template into text and filled placeholders. Unknown placeholders stay as typed text.
 * Nothing is parsed as HTML: values are data, whatever they contain.
 */
export function formatParts(template: string, values?: FormatValues): MessagePart[] {
  const parts: MessagePart[] = [];
  let text = '';
  template.split(placeholder).forEach((piece, i) => {
    const value = i % 2 && values && Object.hasOwn(values, piece) ? values[piece] : undefined;
    if (value === undefined) text += i % 2 ? `{${piece}}` : piece;
    else {
      parts.push(text, { name: piece, value: String(value) });
      text = '';
    }
  });
  parts.push(text);
  return parts.filter((part) => part !== '');
}

/** Fills `{name}` placeholders in a message; unknown ones are left as they are. Returns plain text, never HTML. */
export function formatMessage(template: string, values?: FormatValues): string {
  return formatParts(template, values)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');
}
