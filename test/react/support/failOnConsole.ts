// Any console.error/warn during a hook test is a failure: React reports act() problems, updates after unmount
// and key/effect mistakes there, and the kit itself must never log.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

/** Makes every test in the calling file fail when something writes to console.error or console.warn. */
export function failOnConsole(): void {
  let error: MockInstance<typeof console.error>;
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    // Unmount first, so warnings from tearing down (updates after unmount, leaked effects) count too.
    cleanup();
    const calls = [...error.mock.calls.map((c) => ['error', ...c]), ...warn.mock.calls.map((c) => ['warn', ...c])];
    error.mockRestore();
    warn.mockRestore();
    if (calls.length > 0) {
      throw new Error(`Unexpected console output:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
    }
  });
}
