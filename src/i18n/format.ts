/** Values for `{name}` placeholders. */
export type FormatValues = Readonly<Record<string, string | number>>;

/** One piece of a formatted message: literal text, or a filled placeholder a component may wrap (e.g. in `<bdi>`). */
export type MessagePart = string | { name: string; value: string };

// Names are word characters only, so text such as "{ }" or JSON-looking braces is never treated as a placeholder.
const placeholder = /\{(\w+)\}/g;

/**
 * Splits a template into text and filled placeholders. Unknown placeholders stay as typed text.
 * Nothing is parsed as HTML: values are data, whatever they contain.
 */
export function formatParts(template: string, values?: FormatValues): MessagePart[] {
  const parts: MessagePart[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const name = match[1] ?? '';
    const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) continue;
    text += template.slice(last, match.index);
    if (text) parts.push(text);
    text = '';
    parts.push({ name, value: String(value) });
    last = match.index + match[0].length;
  }
  text += template.slice(last);
  if (text) parts.push(text);
  return parts;
}

/** Fills `{name}` placeholders in a message; unknown ones are left as they are. Returns plain text, never HTML. */
export function formatMessage(template: string, values?: FormatValues): string {
  if (!values) return template;
  return formatParts(template, values)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');
}
