import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the scratch hosts' templates live (`hosts/<name>/package.json`, `hosts/apps`, `hosts/common`). */
export const HOSTS_DIR = resolve(import.meta.dirname, '../hosts');

/** One scratch host app a user of the package could have. */
export interface HostSpec {
  /** Its template folder under `hosts/`, and its cache folder's name. */
  name: 'email-only' | 'all-flows' | 'react18';
  /** What it is, for test names. */
  title: string;
  /** The app source from `hosts/apps/` it builds as `src/main.tsx`. */
  app: 'email-only' | 'all-flows';
  /** Whether it mounts the phone flows (and so installs the phone peer). */
  phone: boolean;
}

/** (a) React 19 with the required peers only: no phone package, no msw. */
export const EMAIL_ONLY: HostSpec = { name: 'email-only', title: 'email-only host (React 19)', app: 'email-only', phone: false };

/** (b) React 19 with every flow. */
export const ALL_FLOWS: HostSpec = { name: 'all-flows', title: 'all-flows host (React 19)', app: 'all-flows', phone: true };

/** (c) Every flow on React 18.3 and its types. */
export const REACT_18: HostSpec = { name: 'react18', title: 'React 18 host', app: 'all-flows', phone: true };

/** Every scratch host. */
export const HOSTS: readonly HostSpec[] = [EMAIL_ONLY, ALL_FLOWS, REACT_18];

/** Every package a host's template package.json installs (dependencies and devDependencies). */
export function hostPackages(spec: HostSpec): Set<string> {
  const manifest: unknown = JSON.parse(readFileSync(join(HOSTS_DIR, spec.name, 'package.json'), 'utf8'));
  const names = (field: string): string[] => Object.keys(Object(Reflect.get(Object(manifest), field)));
  return new Set([...names('dependencies'), ...names('devDependencies')]);
}
