import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_FLOWS, EMAIL_ONLY, HOSTS, REACT_18, hostPackages } from './support/hosts';
import { REPO_ROOT } from './support/pack';
import { readmeSnippets, snippetsForHost, type ReadmeSnippet } from './support/readmeSnippets';

const readme = readmeSnippets(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));

/** The hosts that type-check a snippet. */
const checkedIn = (snippet: ReadmeSnippet): string[] =>
  HOSTS.filter((host) => snippetsForHost([snippet], hostPackages(host)).length > 0).map((host) => host.name);

describe("the README's code blocks", () => {
  it('should each be type-checked in at least one scratch host (matrix-js-sdk examples: from source, by their own test)', () => {
    expect(readme.length).toBeGreaterThan(0);
    // No scratch host installs matrix-js-sdk (its own declarations do not pass `skipLibCheck: false` under node16):
    // the README's InteractiveAuth example runs against src in test/react/registrationStage.test.tsx instead.
    const checkable = readme.filter((snippet) => !snippet.imports.includes('matrix-js-sdk'));
    expect(readme.length - checkable.length).toBeLessThanOrEqual(1);
    const unchecked = checkable.filter((snippet) => checkedIn(snippet).length === 0).map((snippet) => `README.md line ${snippet.line}`);
    expect(unchecked).toEqual([]);
  });

  it('should check the "Use it" snippet in every host, the email-only one included', () => {
    const useIt = readme.find((snippet) => snippet.code.includes('<AddEmailFlow'));
    expect(useIt && checkedIn(useIt)).toEqual(HOSTS.map((host) => host.name));
  });

  it('should check a phone-entry snippet only where the phone peer is installed', () => {
    const [phone] = readmeSnippets("```tsx\nimport { AddPhoneFlow } from 'matrix-threepid-kit/phone';\n<AddPhoneFlow />;\n```\n");
    expect(phone && checkedIn(phone)).toEqual([ALL_FLOWS.name, REACT_18.name]);
    expect(phone && snippetsForHost([phone], hostPackages(EMAIL_ONLY))).toEqual([]);
  });
});
