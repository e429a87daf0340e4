import { MatrixApiError } from './errors';
import { badResponse, isObject } from './parseResponse';
import type { Capabilities, Medium, RequestTokenResult, Threepid } from './types';

// Shape checks of 2xx bodies, shared by the fetch client and the matrix-js-sdk adapter so both answer alike.

const isMedium = (m: unknown): m is Medium => m === 'email' || m === 'msisdn';

/** `{ sid, submit_url? }` → RequestTokenResult; a missing or empty sid is a bad response. */
export function toRequestTokenResult(body: unknown, status: number): RequestTokenResult {
  if (!isObject(body) || typeof body.sid !== 'string' || !body.sid) throw badResponse(status);
  return typeof body.submit_url === 'string' ? { sid: body.sid, submitUrl: body.submit_url } : { sid: body.sid };
}

/** Resolves only for `success: true`; `success: false` is the pre-v1.18 way of saying the code was wrong. */
export function checkSubmitResult(body: unknown, status: number): void {
  const success = isObject(body) ? body.success : undefined;
  if (success === false) throw new MatrixApiError({ status, errcode: 'M_TOKEN_INCORRECT' });
  if (success !== true) throw badResponse(status);
}

/** `{ threepids: [...] }` → Threepid[]; an entry with a medium this kit does not know is left out, not mistyped. */
export function toThreepids(body: unknown, status: number): Threepid[] {
  const list = isObject(body) ? (body.threepids ?? []) : undefined;
  if (!Array.isArray(list)) throw badResponse(status);
  const out: Threepid[] = [];
  for (const t of list) {
    if (!isObject(t)) throw badResponse(status);
    const { medium, address, validated_at: validatedAt, added_at: addedAt } = t;
    if (typeof address !== 'string' || typeof validatedAt !== 'number' || typeof addedAt !== 'number') {
      throw badResponse(status);
    }
    if (isMedium(medium)) out.push({ medium, address, validatedAt, addedAt });
  }
  return out;
}

/** The `capabilities` object → Capabilities; only an explicit `enabled: false` turns one off. */
export function toCapabilities(caps: unknown): Capabilities {
  const allowed = (name: string): boolean => {
    const c = isObject(caps) ? caps[name] : undefined;
    return !(isObject(c) && c.enabled === false);
  };
  return { threepidChanges: allowed('m.3pid_changes'), changePassword: allowed('m.change_password') };
}

/** `{ user_id }` → `{ userId }`. */
export function toWhoami(body: unknown, status: number): { userId: string } {
  if (!isObject(body) || typeof body.user_id !== 'string') throw badResponse(status);
  return { userId: body.user_id };
}
