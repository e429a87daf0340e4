// THE SIZE BUDGETS (read by scripts/size.js and test/size/size.test.ts): gzip bytes, 1 KB = 1024 bytes, measured
// from the packed dist as a host bundles it (peers external).

/**
 * Issue #12's targets once the issues on real servers, hardening and polish have landed (its 11 / 11 / 13 KB plus
 * the 1 KB those issues may add). Not met today: `npm run size` prints each gap; README "Size and speed" says why.
 */
export const TARGETS = {
  AddEmailFlow: 12 * 1024,
  ResetPasswordFlow: 12 * 1024,
  flows: 14 * 1024,
  protocol: 3 * 1024,
  css: 3 * 1024,
};

/**
 * What the tests hold while a target is unmet: the figure measured after the size pass (issue #12's remainder: one
 * purpose's machine per flow component, one import statement per peer), rounded up to a quarter KB, so nothing grows
 * unnoticed. Lower a ceiling whenever the kit shrinks; where the target is met, the ceiling is the target.
 */
export const BUDGETS = {
  /** `import { AddEmailFlow } from 'matrix-threepid-kit'` (14955 B measured: busy buttons keeping their width, field messages following a language switch and a check's success ending a sign-in prompt added ~120 B). */
  AddEmailFlow: 14.75 * 1024,
  /** `ResetPasswordFlow`, email only: no phoneForm, so no phone library either (16109 B measured). */
  ResetPasswordFlow: 15.75 * 1024,
  /** The three flows together, without the phone library (17876 B measured; the pasted-number country pick added ~190 B). */
  flows: 17.5 * 1024,
  /** `matrix-threepid-kit/protocol` (3306 B measured: OAuth discovery and secret redaction). */
  protocol: 3.25 * 1024,
  /** `matrix-threepid-kit/styles.css`: meets its target. */
  css: 3 * 1024,
};
