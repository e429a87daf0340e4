import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core on an element and fails with a readable list of violations. `color-contrast` is off: jsdom
 * computes no styles (contrast is the theme's job, checked in the browser stories).
 */
export async function expectNoAxeViolations(element: Element, label = 'this screen'): Promise<void> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}
