/** One ```ts or ```tsx block of the README, exactly as written. */
export interface ReadmeSnippet {
  /** 1-based line of the opening fence, so a failure points at the README. */
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
  /** Every module specifier the block imports (static, type-only or dynamic). */
  imports: string[];
}

const FENCE_OPEN = /^```(tsx|ts)\s*$/;
const FENCE_CLOSE = /^```\s*$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/**
 * Which more packages a kit entry needs installed beside itself (its optional peers). Every other entry needs only
 * the required peers, which every host has.
 */
export const ENTRY_PEERS: Readonly<Record<string, readonly string[]>> = {
  'matrix-threepid-kit/phone': ['react-phone-number-input'],
  'matrix-threepid-kit/testing/msw': ['msw'],
};

/** Every ```ts / ```tsx block of a Markdown text, in order. */
export function readmeSnippets(markdown: string): ReadmeSnippet[] {
  const snippets: ReadmeSnippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !FENCE_CLOSE.test(lines[i] ?? ''); i += 1) body.push(lines[i] ?? '');
    const code = `${body.join('\n')}\n`;
    const imports = [...code.matchAll(IMPORT)].map((match) => match[1] ?? '');
    snippets.push({ line: start + 1, lang: open[1] === 'tsx' ? 'tsx' : 'ts', code, imports });
  }
  return snippets;
}

// `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; a relative path is no package at all.
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The packages a host must have installed to check this snippet: the package of every import, plus the optional
 * peers of the kit entries it imports. `undefined` when no host can check it (a relative import, a Node built-in).
 */
export function packagesNeeded(snippet: ReadmeSnippet): Set<string> | undefined {
  const needed = new Set<string>();
  for (const specifier of snippet.imports) {
    const name = packageOf(specifier);
    if (name === undefined || specifier.startsWith('node:')) return undefined;
    needed.add(name);
    for (const peer of ENTRY_PEERS[specifier] ?? []) needed.add(peer);
  }
  return needed;
}

/**
 * The rule: a snippet is type-checked, verbatim, in every host that has all the packages it needs installed.
 * Names it uses without declaring come from the harness's `host-globals.d.ts`.
 */
export function snippetsForHost(snippets: readonly ReadmeSnippet[], installed: ReadonlySet<string>): ReadmeSnippet[] {
  return snippets.filter((snippet) => {
    const needed = packagesNeeded(snippet);
    return needed !== undefined && [...needed].every((name) => installed.has(name));
  });
}

/** The file name a snippet is written to in a host's `src/readme/`: named by its README line. */
export function snippetFileName(snippet: ReadmeSnippet): string {
  return `readme-line-${snippet.line}.${snippet.lang}`;
}
