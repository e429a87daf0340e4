import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { partProps, parts, partStates, type ButtonVariant, type PartName } from '../../src/components/anatomy';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8');
const stylesCss = read('src/styles/styles.css');
const compoundCss = read('src/styles/themes/compound.css');
const files = { 'styles.css': stylesCss, 'themes/compound.css': compoundCss };

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The top-level statements of a stylesheet: what comes before each outermost `{`, and any stray text. */
function topLevel(css: string): { preludes: string[]; stray: string } {
  const preludes: string[] = [];
  let depth = 0;
  let text = '';
  for (const char of withoutComments(css)) {
    if (char === '{') {
      if (depth === 0) preludes.push(text.trim());
      if (depth === 0) text = '';
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
    } else if (depth === 0) {
      text += char;
    }
  }
  return { preludes, stray: text.trim() };
}

/** Every selector list in a stylesheet (rule preludes at any depth, at-rules and keyframe steps left out). */
function selectors(css: string): string[] {
  return [...withoutComments(css).matchAll(/([^{};]+)\{/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((prelude) => !prelude.startsWith('@') && !/^(to|from|\d+%)$/.test(prelude));
}

/** The complex selectors of a selector list: split at the commas outside any parentheses. */
function alternatives(list: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let text = '';
  for (const char of list) {
    if (char === ',' && depth === 0) {
      found.push(text.trim());
      text = '';
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    text += char;
  }
  return [...found, text.trim()];
}

/** Custom properties a stylesheet declares (`--name:`), public or private. */
const declared = (css: string, prefix: string): Set<string> =>
  new Set([...withoutComments(css).matchAll(new RegExp(`(${prefix}[\\w-]+)\\s*:`, 'g'))].map((m) => m[1] ?? ''));

/** Every `var(--threepid-…)` read, with whether it gives a default. */
const publicReads = (css: string): { name: string; withDefault: boolean }[] =>
  [...withoutComments(css).matchAll(/var\(\s*(--threepid-[\w-]+)\s*(,)?/g)].map((m) => ({ name: m[1] ?? '', withDefault: m[2] === ',' }));

const promised = ['bg', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'danger', 'success', 'warning', 'radius', 'button-radius', 'font', 'font-size', 'focus-ring', 'space-1', 'space-2', 'space-3', 'space-4', 'space-6'];

/**
 * A page holding every part, as the components render them (through `partProps`), in the states and shapes the
 * stylesheet refines: a busy, a disabled and a secondary button, an invalid email input, the phone input's country
 * box, a cooling resend, an empty status, a hidden hint, a password box holding an invalid
 * input, a link on its own line in a form and one inside a hint, inside a container forced dark.
 */
function fixture(unstyled: boolean): Document {
  const attributes = (part: PartName, extra: string): string => {
    const props = partProps(part, undefined, unstyled);
    return `data-threepid-part="${part}"${props.className ? ` class="${props.className}"` : ''} ${extra}`;
  };
  const el = (tag: string, part: PartName, extra = '', inner = ''): string => `<${tag} ${attributes(part, extra)}>${inner}</${tag}>`;
  const secondary: ButtonVariant = 'secondary';
  const nested = new Set<PartName>(['root', 'phoneInput', 'country', 'countrySelect', 'countryOption', 'flag', 'countryArrow']);
  const flat = parts.filter((part) => !nested.has(part)).map((part) => el(part === 'input' ? 'input' : 'div', part));
  const country = el(
    'div',
    'country',
    '',
    el('select', 'countrySelect', '', el('option', 'countryOption', 'value="GB"', 'United Kingdom')) + el('span', 'flag', '', '<svg></svg>') + el('span', 'countryArrow'),
  );
  const special = [
    el('button', 'button', 'data-state="busy" aria-disabled="true"'),
    el('button', 'button', `data-state="idle" data-variant="${secondary}" disabled`),
    el('input', 'input', 'type="email" aria-invalid="true"'),
    el('div', 'phoneInput', '', country + el('input', 'input', 'type="tel"')),
    el('button', 'resend', 'data-state="cooling" disabled'),
    el('button', 'mediumOption', 'data-state="off"'),
    el('p', 'status'),
    el('p', 'hint', 'hidden'),
    el('div', 'password', '', el('input', 'input', 'type="password" aria-invalid="true"') + el('button', 'passwordToggle')),
    el('div', 'form', '', el('a', 'link')),
    el('p', 'hint', '', el('button', 'link')),
    el('div', 'actions', '', el('button', 'button')),
  ];
  const document = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  document.body.innerHTML = `<div data-theme="dark">${el('div', 'root', '', [...flat, ...special].join(''))}</div>`;
  return document;
}

/** Turns `:hover` and `:focus-visible` into a pseudo-class any element matches, so a static page can be matched. */
const staticSelector = (selector: string): string => selector.replace(/:(hover|focus-visible)\b/g, ':not(#_)');

describe('styles.css', () => {
  it('should stay within 3 KB gzip', () => {
    const size = gzipSync(readFileSync(resolve(root, 'src/styles/styles.css')), { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(3072);
  });

  it('should require a kit class in every selector, so an unstyled flow gets no kit rule', () => {
    const list = selectors(stylesCss);
    expect(list.length).toBeGreaterThan(20);
    expect(list.flatMap(alternatives).filter((selector) => !/\.threepid-[a-zA-Z]/.test(selector))).toEqual([]);
  });

  it('should match no element of an unstyled flow, though every part and state is there', () => {
    const unstyled = fixture(true);
    expect(unstyled.querySelectorAll('[data-threepid-part]').length).toBeGreaterThan(parts.length);
    const matching = selectors(stylesCss).filter((selector) => unstyled.querySelectorAll(staticSelector(selector)).length > 0);
    expect(matching).toEqual([]);
  });

  it('should match the parts of a styled flow with every selector', () => {
    const styled = fixture(false);
    const unmatched = selectors(stylesCss).filter((selector) => styled.querySelectorAll(staticSelector(selector)).length === 0);
    expect(unmatched).toEqual([]);
  });

  it('should only read the public --threepid-* variables, each with a default, and never declare one', () => {
    expect([...declared(stylesCss, '--threepid-')]).toEqual([]);
    const reads = publicReads(stylesCss);
    expect(reads.filter((read) => !read.withDefault).map((read) => read.name)).toEqual([]);
    const names = new Set(reads.map((read) => read.name));
    expect(promised.map((name) => `--threepid-${name}`).filter((name) => !names.has(name))).toEqual([]);
  });

  it('should turn the public variables into private ones on the root only, and declare every private one it uses', () => {
    const privates = declared(stylesCss, '--_');
    const used = [...withoutComments(stylesCss).matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1] ?? '');
    expect(used.filter((name) => !privates.has(name))).toEqual([]);
    const readers = [...withoutComments(stylesCss).matchAll(/([^{};]+)\{[^{}]*var\(--threepid-/g)].map((m) => (m[1] ?? '').trim());
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((selector) => !selector.startsWith(':where(.threepid-root'))).toEqual([]);
  });

  it('should only name parts and states the anatomy defines', () => {
    const known = new Set<string>(parts);
    const css = withoutComments(stylesCss);
    const named = [...css.matchAll(/\.threepid-(\w+)/g)].map((m) => m[1] ?? '');
    expect(named.filter((part) => !known.has(part))).toEqual([]);
    const states: Record<string, readonly string[]> = partStates;
    const pairs = [...css.matchAll(/\.threepid-(\w+)\[data-state=(\w+)/g)];
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.filter(([, part = '', state = '']) => !(states[part] ?? []).includes(state)).map((m) => m[0])).toEqual([]);
    const variants: readonly string[] = ['primary', 'secondary'] satisfies ButtonVariant[];
    expect([...css.matchAll(/\[data-variant=(\w+)/g)].map((m) => m[1] ?? '').filter((variant) => !variants.includes(variant))).toEqual([]);
  });

  it('should use logical properties so right-to-left layouts mirror', () => {
    expect(withoutComments(stylesCss)).not.toMatch(/\b(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align:\s*(left|right)/);
  });

  it('should show a focus ring and stop the spinner for people who ask for reduced motion', () => {
    expect(stylesCss).toMatch(/\.threepid-root :focus-visible\s*\{\s*outline: var\(--_focus-ring\)/);
    expect(stylesCss).toMatch(/--_focus-ring: var\(--threepid-focus-ring, 2px solid var\(--_accent\)\)/);
    expect(stylesCss).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{\s*\.threepid-spinner\s*\{\s*animation: none/);
  });

  it('should switch to dark by system preference unless forced light, and by data-theme="dark", keeping host values', () => {
    expect(stylesCss).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:where\(\.threepid-root:not\(\[data-theme=light\], \[data-theme=light\] \*\)\)\s*\{[^}]*--_accent: var\(--threepid-accent, #/);
    expect(stylesCss).toMatch(/:where\(\.threepid-root\[data-theme=dark\], \[data-theme=dark\] \.threepid-root:not\(\[data-theme=light\]\)\)\s*\{[^}]*--_accent: var\(--threepid-accent, #/);
  });
});

describe.each(Object.entries(files))('%s', (_name, css) => {
  it('should put every rule inside @layer threepid', () => {
    const { preludes, stray } = topLevel(css);
    expect(preludes.length).toBeGreaterThan(0);
    expect(preludes.filter((prelude) => prelude !== '@layer threepid')).toEqual([]);
    expect(stray).toBe('');
  });
});

describe('themes/compound.css', () => {
  // Names checked against element-hq/compound-design-tokens (assets/web/css/cpd-common-{base,semantic}.css).
  const compoundTokens = new Set([
    '--cpd-color-bg-canvas-default',
    '--cpd-color-text-primary',
    '--cpd-color-text-secondary',
    '--cpd-color-border-interactive-primary',
    '--cpd-color-bg-action-primary-rest',
    '--cpd-color-text-on-solid-primary',
    '--cpd-color-text-critical-primary',
    '--cpd-color-text-success-primary',
    '--cpd-color-border-focused',
    '--cpd-font-family-sans',
    '--cpd-font-size-body-md',
    '--cpd-space-1x',
    '--cpd-space-2x',
    '--cpd-space-3x',
    '--cpd-space-4x',
    '--cpd-space-6x',
  ]);

  it('should never declare a public variable, so a host value set anywhere beats the preset', () => {
    expect([...declared(compoundCss, '--threepid-')]).toEqual([]);
  });

  it('should only set private variables that styles.css declares, each reading the public one first', () => {
    const ours = declared(stylesCss, '--_');
    const set = [...withoutComments(compoundCss).matchAll(/(--_[\w-]+)\s*:\s*([^;]+);/g)];
    expect(set.length).toBeGreaterThan(0);
    expect(set.map((m) => m[1] ?? '').filter((name) => !ours.has(name))).toEqual([]);
    expect(set.filter(([, name = '', value = '']) => !value.startsWith(`var(--threepid-${name.slice(3)},`)).map((m) => m[1])).toEqual([]);
  });

  it('should only style elements carrying the kit root class', () => {
    expect(selectors(compoundCss).flatMap(alternatives).filter((selector) => !selector.includes('.threepid-root'))).toEqual([]);
  });

  it('should only read Compound tokens that exist, each with a fallback', () => {
    const reads = [...compoundCss.matchAll(/var\((--cpd-[\w-]+)\s*(,)?/g)];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter(([, name = '']) => !compoundTokens.has(name)).map((m) => m[1])).toEqual([]);
    expect(reads.filter(([, , comma]) => comma !== ',').map((m) => m[1])).toEqual([]);
  });

  it('should map every colour of the kit, light and dark', () => {
    const colours = ['bg', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'danger', 'success', 'warning'];
    const css = withoutComments(compoundCss);
    for (const colour of colours) {
      expect(css.match(new RegExp(`--_${colour}: var\\(--threepid-${colour}, var\\(--cpd-`, 'g')), colour).toHaveLength(3);
    }
  });
});
