import type { Medium } from '../protocol/types';
import { randomString } from './ids';

/** A token sent in one message of a validation session. */
export interface ValidationToken {
  token: string;
  expiresAt: number;
}

/** A 3PID validation session (Synapse's `threepid_validation_session` and its tokens). */
export interface ValidationSession {
  sid: string;
  medium: Medium;
  address: string;
  clientSecret: string;
  lastSendAttempt: number;
  /** next_link with `sid` appended, as Synapse stores it. */
  nextLink: string | undefined;
  tokens: ValidationToken[];
  validatedAt: number | undefined;
}

/** Why a token did not validate a session. */
export type ValidationFailure = 'unknownSession' | 'wrongSecret' | 'wrongToken' | 'expired';

/** Validation sessions by sid. */
export class ValidationSessions {
  private readonly sessions = new Map<string, ValidationSession>();

  /** The session still waiting for validation for this address and client_secret (Synapse reuses it). */
  findPending(medium: Medium, address: string, clientSecret: string): ValidationSession | undefined {
    for (const s of this.sessions.values()) {
      if (s.medium === medium && s.address === address && s.clientSecret === clientSecret && s.validatedAt === undefined) {
        return s;
      }
    }
    return undefined;
  }

  /** Starts a session; its first token is added by the caller once the message is sent. */
  create(medium: Medium, address: string, clientSecret: string, nextLink: string | undefined): ValidationSession {
    const sid = randomString(16);
    const session: ValidationSession = {
      sid,
      medium,
      address,
      clientSecret,
      lastSendAttempt: Number.NEGATIVE_INFINITY,
      nextLink: nextLink === undefined ? undefined : withSid(nextLink, sid),
      tokens: [],
      validatedAt: undefined,
    };
    this.sessions.set(sid, session);
    return session;
  }

  /** Checks a token against a session and marks it validated; following a link twice is fine. */
  validate(
    sid: string,
    clientSecret: string,
    token: string,
    now: number,
  ): { ok: true; session: ValidationSession } | { ok: false; reason: ValidationFailure } {
    const session = this.sessions.get(sid);
    if (!session) return { ok: false, reason: 'unknownSession' };
    if (session.clientSecret !== clientSecret) return { ok: false, reason: 'wrongSecret' };
    const found = session.tokens.find((t) => t.token === token);
    if (!found) return { ok: false, reason: 'wrongToken' };
    if (found.expiresAt <= now) return { ok: false, reason: 'expired' };
    session.validatedAt ??= now;
    return { ok: true, session };
  }

  /** The validated session for these credentials, if any. */
  validated(sid: string, clientSecret: string): ValidationSession | undefined {
    const session = this.sessions.get(sid);
    return session && session.clientSecret === clientSecret && session.validatedAt !== undefined ? session : undefined;
  }

  delete(sid: string): void {
    this.sessions.delete(sid);
  }

  clear(): void {
    this.sessions.clear();
  }
}

function withSid(nextLink: string, sid: string): string {
  return `${nextLink}${nextLink.includes('?') ? '&' : '?'}sid=${encodeURIComponent(sid)}`;
}
