/** Values for `{name}` placeholders. */
export type FormatValues = Readonly<Record<string, string | number>>;

/** One piece of a formatted message: literal text, or a filled placeholder a component may wrap (e.g. in `<bdi>`). */
export type MessagePart = string | { name: string; value: string };

// Names are word characters only, so text such as "{ }" or JSON-looking braces is never treated as a placeholder.
// The capture makes `split` keep each name, at the odd indexes.
const placeholder = /\{(\w+)\}/;

// The one ICU construct messages may use, `{name, plural, one {# day} other {# days}}`: forms are `=N` or a CLDR
// category and hold only text and `#` (other placeholders go outside the block). That covers every language's
// counts in a few lines, instead of a MessageFormat parser in every flow.
const pluralBlock = /\{(\w+), *plural,((?: *=?\w+ *\{[^{}]*\})+) *\}/g;
const pluralForm = /(=?\w+) *\{([^{}]*)\}/g;

/**
 * Splits a template into text and filled placeholders. Unknown placeholders stay as typed text. Numbers are written
 * the way `tag` (a BCP 47 language tag) writes them, and `plural` blocks pick the form its plural rules call for.
 * Nothing is parsed as HTML: values are data, whatever they contain.
 */
export function formatParts(template: string, values?: FormatValues, tag = 'en'): MessagePart[] {
  const known = (name: string): string | number | undefined => (values && Object.hasOwn(values, name) ? values[name] : undefined);
  const show = (value: string | number): string => (typeof value === 'number' ? new Intl.NumberFormat(tag).format(value) : value);
  const counted = template.replace(pluralBlock, (block, name: string, forms: string) => {
    const count = known(name);
    const texts: Record<string, string> = {};
    for (const [, form = '', text = ''] of forms.matchAll(pluralForm)) texts[form] = text;
    const text = count === undefined ? undefined : (texts[`=${count}`] ?? texts[new Intl.PluralRules(tag).select(+count)] ?? texts.other);
    return text?.replace(/#/g, show(+(count ?? 0))) ?? block;
  });
  const parts: MessagePart[] = [];
  let text = '';
  counted.split(placeholder).forEach((piece, i) => {
    const value = i % 2 ? known(piece) : undefined;
    if (value === undefined) text += i % 2 ? `{${piece}}` : piece;
    else {
      parts.push(text, { name: piece, value: show(value) });
      text = '';
    }
  });
  parts.push(text);
  return parts.filter((part) => part !== '');
}

/** Fills `{name}` placeholders (and `plural` blocks) in a message; unknown ones are left as they are. Plain text, never HTML. */
export function formatMessage(template: string, values?: FormatValues, tag?: string): string {
  return formatParts(template, values, tag)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');
}
