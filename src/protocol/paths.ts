import type { Medium, Purpose } from './types';

const SEGMENT: Record<Purpose, string> = { add: 'account/3pid', reset: 'account/password', register: 'register' };

/** The requestToken path (after the prefix) for a purpose and medium, e.g. `/account/3pid/email/requestToken`. */
export function requestTokenPath(purpose: Purpose, medium: Medium): string {
  return `/${SEGMENT[purpose]}/${medium}/requestToken`;
}

/** Joins a homeserver URL and an API prefix, tolerating missing or extra slashes on either. */
export function apiRoot(baseUrl: string, prefix: string): string {
  return baseUrl.replace(/\/+$/, '') + ('/' + prefix).replace(/\/+/g, '/').replace(/\/$/, '');
}
