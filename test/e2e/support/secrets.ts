import type { Exchange, FakeHomeserver } from '../../../src/testing';

/**
 * Collects every secret a flow handles, as the fake homeserver saw it on the wire: client_secrets, emailed/texted
 * tokens, passwords and access tokens. Pass `record` as the fake's `onExchange` option.
 */
export interface SecretCollector {
  record(exchange: Exchange): void;
  /** Adds a secret known in advance (a typed password, an access token). */
  add(...values: string[]): void;
  /** Every secret seen so far, longest first (so a secret containing another is reported whole). */
  all(hs?: FakeHomeserver): string[];
}

const SECRET_FIELDS = new Set(['client_secret', 'password', 'new_password', 'token', 'access_token']);

function collectFrom(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectFrom(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_FIELDS.has(key) && typeof field === 'string' && field.length > 0) into.add(field);
    else collectFrom(field, into);
  }
}

/** A collector for one test. */
export function collectSecrets(): SecretCollector {
  const secrets = new Set<string>();
  return {
    record(exchange) {
      collectFrom(exchange.requestBody, secrets);
      collectFrom(exchange.responseBody, secrets);
      // Link and confirmation URLs carry the token and client_secret in their query.
      const query = new URL(exchange.url).searchParams;
      for (const name of ['token', 'client_secret', 'access_token']) {
        const value = query.get(name);
        if (value) secrets.add(value);
      }
    },
    add(...values) {
      for (const value of values) if (value) secrets.add(value);
    },
    all(hs) {
      const found = new Set(secrets);
      // The inbox holds the tokens even when no exchange carried them yet (a code not typed so far).
      for (const message of hs?.inbox.all() ?? []) found.add(message.token);
      return [...found].sort((a, b) => b.length - a.length);
    },
  };
}

/** The secrets that appear in `text` (empty when none does). */
export function leakedIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}
