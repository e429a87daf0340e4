import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parts, partStates } from '../../src/components/anatomy';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8');
const stylesCss = read('src/styles/styles.css');
const compoundCss = read('src/styles/themes/compound.css');
const files = { 'styles.css': stylesCss, 'themes/compound.css': compoundCss };

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The top-level statements of a stylesheet: what comes before each outermost `{`, and any stray text. */
function topLevel(css: string): { preludes: string[]; stray: string } {
  const preludes: string[] = [];
  let stray = '';
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
  stray = text.trim();
  return { preludes, stray };
}

/** Every selector list in a stylesheet (rule preludes at any depth, at-rules left out). */
function selectors(css: string): string[] {
  return [...withoutComments(css).matchAll(/([^{};]+)\{/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((prelude) => !prelude.startsWith('@') && !/^(to|from|\d+%)$/.test(prelude));
}

const declared = (css: string): Set<string> => new Set([...css.matchAll(/(--threepid-[\w-]+)\s*:/g)].map((m) => m[1] ?? ''));

describe('styles.css', () => {
  it('should stay within 3 KB gzip', () => {
    const size = gzipSync(readFileSync(resolve(root, 'src/styles/styles.css')), { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(3072);
  });

  it('should declare every --threepid-* variable it uses', () => {
    const names = declared(stylesCss);
    const used = [...stylesCss.matchAll(/var\(\s*(--threepid-[\w-]+)/g)].map((m) => m[1] ?? '');
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });

  it('should declare the themable variables the theming contract promises', () => {
    const names = declared(stylesCss);
    const promised = ['bg', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'danger', 'success', 'warning', 'radius', 'font', 'font-size', 'focus-ring', 'space-1', 'space-4'];
    expect(promised.map((name) => `--threepid-${name}`).filter((name) => !names.has(name))).toEqual([]);
  });

  it('should select parts by data attribute, never by class or id', () => {
    expect(selectors(stylesCss).filter((selector) => /[.#][a-z_-]/i.test(selector.replace(/\d*\.\d+/g, '')))).toEqual([]);
  });

  it('should only name parts and states the anatomy defines', () => {
    const known = new Set<string>(parts);
    const named = [...stylesCss.matchAll(/data-threepid-part=(\w+)/g)].map((m) => m[1] ?? '');
    expect(named.filter((part) => !known.has(part))).toEqual([]);
    const states: Record<string, readonly string[]> = partStates;
    const pairs = [...stylesCss.matchAll(/data-threepid-part=(\w+)\]\[data-state=(\w+)/g)];
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.filter(([, part = '', state = '']) => !(states[part] ?? []).includes(state)).map((m) => m[0])).toEqual([]);
  });

  it('should use logical properties so right-to-left layouts mirror', () => {
    expect(withoutComments(stylesCss)).not.toMatch(/\b(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align:\s*(left|right)/);
  });

  it('should show a focus ring and stop the spinner for people who ask for reduced motion', () => {
    expect(stylesCss).toMatch(/:focus-visible\s*\{\s*outline: var\(--threepid-focus-ring\)/);
    expect(stylesCss).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{\s*\[data-threepid-part=spinner\]\s*\{\s*animation: none/);
  });

  it('should switch to dark by system preference unless forced light, and by data-theme="dark"', () => {
    expect(stylesCss).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:where\(\[data-threepid-part=root\]:not\(\[data-theme=light\]/);
    expect(stylesCss).toMatch(/:where\(\[data-threepid-part=root\]\[data-theme=dark\]/);
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

  it('should only set variables that styles.css declares', () => {
    const ours = declared(stylesCss);
    expect([...declared(compoundCss)].filter((name) => !ours.has(name))).toEqual([]);
  });

  it('should only read Compound tokens that exist, each with a fallback', () => {
    const reads = [...compoundCss.matchAll(/var\((--cpd-[\w-]+)\s*(,)?/g)];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter(([, name = '']) => !compoundTokens.has(name)).map((m) => m[1])).toEqual([]);
    expect(reads.filter(([, , comma]) => comma !== ',').map((m) => m[1])).toEqual([]);
  });

  it('should map every colour of the kit', () => {
    const colours = ['bg', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'danger', 'success', 'warning'];
    const names = declared(compoundCss);
    expect(colours.map((c) => `--threepid-${c}`).filter((name) => !names.has(name))).toEqual([]);
  });
});
