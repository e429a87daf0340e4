import type { RateLimitConfig } from './rateLimit';
import type { CapabilitySetting, Exchange, FakeAuthService, FakeHomeserverOptions, FakeRegistrationOptions, FakeUserInit } from './types';
import type { Medium } from '../protocol/types';
import { PRESETS } from './presets';
import { SEED_USERS } from './seedUsers';

/** Options with every default filled in. */
export interface ResolvedOptions {
  baseUrl: string;
  prefix: string;
  serverName: string;
  emailSubmitUrl: boolean;
  msisdnSupported: boolean;
  resetByPhone: boolean;
  tokenIncorrectStyle: 'synapse' | 'success-false' | 'errcode';
  authService: FakeAuthService | undefined;
  tokenLifetimeMs: number;
  inhibitThreepidErrors: boolean;
  threepidChanges: CapabilitySetting;
  changePassword: CapabilitySetting;
  weakPassword: (password: string) => boolean;
  threepidAllowed: (medium: Medium, address: string) => boolean;
  rateLimit: RateLimitConfig | false;
  now: () => number;
  latencyMs: number;
  onExchange: ((exchange: Exchange) => void) | undefined;
  users: readonly FakeUserInit[];
  registration: Required<FakeRegistrationOptions>;
}

/** Fills in the defaults: the preset's (Synapse's by default), then Synapse's where Synapse has one. */
export function resolveOptions(given: FakeHomeserverOptions = {}): ResolvedOptions {
  const preset = PRESETS[given.preset ?? 'synapse'];
  const options: FakeHomeserverOptions = { ...preset, ...given, capabilities: { ...preset.capabilities, ...given.capabilities } };
  const prefix = `/${options.prefix ?? '/_matrix/client/v3'}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return {
    baseUrl: (options.baseUrl ?? 'http://localhost:8008').replace(/\/+$/, ''),
    prefix,
    serverName: options.serverName ?? 'localhost',
    emailSubmitUrl: options.emailSubmitUrl ?? false,
    msisdnSupported: options.msisdnSupported ?? true,
    resetByPhone: options.resetByPhone ?? false,
    tokenIncorrectStyle: options.tokenIncorrectStyle ?? 'synapse',
    authService: options.authService,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 3_600_000,
    inhibitThreepidErrors: options.inhibitThreepidErrors ?? false,
    threepidChanges: options.capabilities?.threepidChanges ?? true,
    changePassword: options.capabilities?.changePassword ?? true,
    weakPassword: options.weakPassword ?? ((password) => password.length < 8),
    threepidAllowed: options.threepidAllowed ?? (() => true),
    rateLimit:
      options.rateLimit === false
        ? false
        : { burst: options.rateLimit?.burst ?? 5, refillMs: options.rateLimit?.refillMs ?? 300_000 },
    now: options.now ?? (() => Date.now()),
    latencyMs: options.latencyMs ?? 0,
    onExchange: options.onExchange,
    users: options.users ?? SEED_USERS,
    registration: {
      enabled: options.registration?.enabled ?? true,
      require3pid: options.registration?.require3pid ?? [],
      msisdn: options.registration?.msisdn ?? options.msisdnSupported ?? true,
      tokens: options.registration?.tokens ?? [],
    },
  };
}
