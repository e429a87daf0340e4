// THE SIZE BUDGETS (read by scripts/size.js and test/size/size.test.ts): gzip bytes, 1 KB = 1024 bytes, measured
// from the packed dist as a host bundles it (peers external). Issue #12 set them for the features of that day;
// the issues after it may raise each flow and `flows` by at most 1 KB in all (so 12 / 12 / 14 KB at most).

/** Budget per measured entry, in gzip bytes. */
export const BUDGETS = {
  /** `import { AddEmailFlow } from 'matrix-threepid-kit'`. */
  AddEmailFlow: 11 * 1024,
  /** `ResetPasswordFlow`, email only: no phoneForm, so no phone library either. */
  ResetPasswordFlow: 11 * 1024,
  /** The three flows together, without the phone library (react-phone-number-input, libphonenumber-js). */
  flows: 13 * 1024,
  /** `matrix-threepid-kit/protocol`. */
  protocol: 3 * 1024,
  /** `matrix-threepid-kit/styles.css`. */
  css: 3 * 1024,
};
