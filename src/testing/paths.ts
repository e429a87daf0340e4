import type { Medium, Purpose } from '../protocol/types';

// Synapse's path segments for the three purposes, in its unstable submit_token endpoints.
const SUBMIT_SEGMENT: Record<Purpose, string> = {
  add: 'add_threepid',
  reset: 'password_reset',
  register: 'registration',
};

/** Where the fake serves what, derived from the API prefix (`/_matrix/client/v3` → `/_matrix/client/unstable`). */
export interface ServerPaths {
  prefix: string;
  /** The prefix without its version, e.g. `/_matrix/client`. */
  clientRoot: string;
  unstable: string;
}

/** The paths for an API prefix. */
export function serverPaths(prefix: string): ServerPaths {
  const clientRoot = prefix.replace(/\/[^/]*$/, '');
  return { prefix, clientRoot, unstable: `${clientRoot}/unstable` };
}

/** Path of the POST endpoint a submit_url points at. */
export function submitTokenPath(paths: ServerPaths, purpose: Purpose, medium: Medium): string {
  return `${paths.unstable}/${SUBMIT_SEGMENT[purpose]}/${medium}/submit_token`;
}

/** Path of the emailed link: GET validates (add, register); reset shows a page whose form POST validates. */
export function emailLinkPath(paths: ServerPaths, purpose: Purpose): string {
  return purpose === 'reset'
    ? '/_synapse/client/password_reset/email/submit_token'
    : `${paths.unstable}/${SUBMIT_SEGMENT[purpose]}/email/submit_token`;
}

/** Path of the UIA fallback page for a stage. */
export function fallbackPath(paths: ServerPaths, stage: string): string {
  return `${paths.prefix}/auth/${stage}/fallback/web`;
}
