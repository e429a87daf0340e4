import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

/**
 * Fails every test of the calling file that writes to console.error or console.warn (React's act() and key
 * warnings, failed prop types, a library complaining…). Call once at the top level of a test file.
 */
export function failOnConsoleNoise(): void {
  let spies: MockInstance[] = [];
  beforeEach(() => {
    spies = [vi.spyOn(console, 'error').mockImplementation(() => {}), vi.spyOn(console, 'warn').mockImplementation(() => {})];
  });
  afterEach(() => {
    const calls = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')));
    for (const spy of spies) spy.mockRestore();
    expect(calls, 'console.error / console.warn was called').toEqual([]);
  });
}
