import type { UiaInfo } from '../protocol/types';

/** True when the server answered with the same UIA state: same session, no newly completed stage. */
export function sameUia(before: UiaInfo, after: UiaInfo): boolean {
  return before.session === after.session && after.completed.every((stage) => before.completed.includes(stage));
}
