import type { Medium, Threepid } from '../protocol/types';
import { canonicalAddress, canonicalEmail, msisdnOf } from './addresses';
import { randomDeviceId, randomString } from './ids';
import type { FakeUser, FakeUserInit, FakeUsers } from './types';

/** The mutable record behind a FakeUser. */
export interface UserRecord extends FakeUser {
  password: string | undefined;
  threepids: Threepid[];
}

interface Device {
  userId: string;
  deviceId: string;
}

/** Accounts, their 3PIDs and their access tokens. */
export class UserStore implements FakeUsers {
  private readonly users = new Map<string, UserRecord>();
  private readonly tokens = new Map<string, Device>();

  constructor(
    private readonly serverName: string,
    private readonly now: () => number,
  ) {}

  /** The full user ID for a user ID or a localpart. */
  qualify(userIdOrLocalpart: string): string {
    return userIdOrLocalpart.startsWith('@') ? userIdOrLocalpart : `@${userIdOrLocalpart}:${this.serverName}`;
  }

  addUser(init: FakeUserInit): FakeUser {
    const userId = this.qualify(init.userId);
    if (this.users.has(userId)) throw new Error(`User ${userId} already exists`);
    const at = this.now();
    const threepids: Threepid[] = [];
    for (const email of init.emails ?? []) {
      const address = canonicalEmail(email);
      if (address === undefined) throw new Error(`Invalid email address for ${userId}`);
      threepids.push({ medium: 'email', address, validatedAt: at, addedAt: at });
    }
    for (const phone of init.phones ?? []) {
      const address = msisdnOf(phone);
      if (address === undefined) throw new Error(`Invalid phone number for ${userId}`);
      threepids.push({ medium: 'msisdn', address, validatedAt: at, addedAt: at });
    }
    for (const t of threepids) {
      if (this.findByThreepid(t.medium, t.address)) throw new Error(`${t.address} is already on another account`);
    }
    const accessToken = init.accessToken ?? newAccessToken(userId);
    const deviceId = randomDeviceId();
    const user: UserRecord = {
      userId,
      password: init.password,
      sso: init.sso ?? false,
      threepids,
      accessToken,
      deviceId,
    };
    this.users.set(userId, user);
    this.tokens.set(accessToken, { userId, deviceId });
    return user;
  }

  get(userId: string): UserRecord | undefined {
    return this.users.get(this.qualify(userId));
  }

  all(): UserRecord[] {
    return [...this.users.values()];
  }

  findByThreepid(medium: Medium, address: string): UserRecord | undefined {
    const canonical = canonicalAddress(medium, address);
    for (const user of this.users.values()) {
      if (user.threepids.some((t) => t.medium === medium && t.address === canonical)) return user;
    }
    return undefined;
  }

  login(userId: string, deviceId: string = randomDeviceId()): string {
    const user = this.get(userId);
    if (!user) throw new Error(`No user ${userId}`);
    const token = newAccessToken(user.userId);
    this.tokens.set(token, { userId: user.userId, deviceId });
    return token;
  }

  isTokenValid(accessToken: string): boolean {
    return this.tokens.has(accessToken);
  }

  /** The account and device an access token belongs to. */
  byToken(accessToken: string): { user: UserRecord; deviceId: string } | undefined {
    const device = this.tokens.get(accessToken);
    const user = device && this.users.get(device.userId);
    return device && user ? { user, deviceId: device.deviceId } : undefined;
  }

  /** Revokes every access token of the user except `keep` (the requester's own, on a password change). */
  revokeTokens(userId: string, keep?: string): void {
    for (const [token, device] of this.tokens) {
      if (device.userId === userId && token !== keep) this.tokens.delete(token);
    }
  }

  clear(): void {
    this.users.clear();
    this.tokens.clear();
  }
}

function newAccessToken(userId: string): string {
  const localpart = userId.slice(1).split(':')[0] ?? 'user';
  return `syt_${localpart.replace(/[^a-zA-Z0-9]/g, '')}_${randomString(20)}`;
}
