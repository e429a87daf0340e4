/** What a message asks of its translations: the placeholders it fills and, per counted placeholder, its plural forms. */
export interface MessageShape {
  /** Every placeholder name, plain or counted, sorted. */
  placeholders: string[];
  /** For each `{name, plural, …}` block: the forms it gives (`one`, `few`, `=0`…). */
  plurals: Record<string, string[]>;
  /** Braces that do not close, a construct other than `plural`, or a placeholder inside a plural form: shown raw. */
  malformed: boolean;
}

/** The `{…}` groups at the top level of `text`, as [start, end) ranges; unbalanced braces make it `null`. */
function topLevelGroups(text: string): Array<[number, number]> | null {
  const groups: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) start = i;
    if (text[i] === '}' && --depth === 0) groups.push([start, i + 1]);
    if (depth < 0) return null;
  }
  return depth === 0 ? groups : null;
}

/**
 * Reads a message the way a translator writes it, independently of the kit's formatter (which the locale test
 * then runs on every plural form): `{name}` placeholders and ICU `{name, plural, form {text with #} …}` blocks.
 */
export function messageShape(text: string): MessageShape {
  const names = new Set<string>();
  const plurals: Record<string, string[]> = {};
  let malformed = false;
  const read = (source: string, insideForm: boolean): void => {
    const groups = topLevelGroups(source);
    if (!groups) {
      malformed = true;
      return;
    }
    for (const [start, end] of groups) {
      const inner = source.slice(start + 1, end - 1);
      const plain = /^(\w+)$/.exec(inner);
      const counted = /^(\w+),\s*plural,(.*)$/s.exec(inner);
      // The formatter fills plain placeholders outside plural blocks only.
      if (plain?.[1] && !insideForm) names.add(plain[1]);
      else if (counted?.[1] && !insideForm) {
        names.add(counted[1]);
        const forms: string[] = [];
        let rest = counted[2] ?? '';
        for (let form = /^\s*(=\d+|\w+)\s*\{/.exec(rest); form; form = /^\s*(=\d+|\w+)\s*\{/.exec(rest)) {
          const body = topLevelGroups(rest.slice(form[0].length - 1))?.[0];
          if (!body) break;
          forms.push(form[1] ?? '');
          const bodyStart = form[0].length - 1;
          read(rest.slice(bodyStart + 1, bodyStart + body[1] - 1), true);
          rest = rest.slice(bodyStart + body[1]);
        }
        if (rest.trim() !== '' || forms.length === 0) malformed = true;
        plurals[counted[1]] = forms;
      } else malformed = true;
    }
  };
  read(text, false);
  return { placeholders: [...names].sort(), plurals, malformed };
}

/**
 * Every wording a message can take: one per form of each plural block, with `#` written back as the plain
 * `{name}` placeholder it stands for (so text-matching tests treat it like any other filled value).
 */
export function wordings(template: string): string[] {
  const block = /\{(\w+), *plural,((?: *=?\w+ *\{[^{}]*\})+) *\}/.exec(template);
  if (!block) return [template];
  const [whole, name = '', forms = ''] = block;
  return [...forms.matchAll(/(=?\w+) *\{([^{}]*)\}/g)].flatMap(([, , form = '']) =>
    wordings(template.replace(whole, form.replace(/#/g, `{${name}}`))),
  );
}
