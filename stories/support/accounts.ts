import { SEED_USERS, type FakeUserInit } from '../../src/testing';

function seeded(localpart: string): FakeUserInit {
  const user = SEED_USERS.find((candidate) => candidate.userId === localpart);
  if (!user) throw new Error(`No seed user ${localpart}`);
  return user;
}

/** The account stories sign in as: @alice:localhost with a password. */
export const ALICE = { userId: '@alice:localhost', password: seeded('alice').password ?? '', email: 'alice@example.org' } as const;

/** An account that signs in with single sign-on only (no password): UIA goes through the fallback page. */
export const CAROL = { userId: '@carol:localhost' } as const;

/** An email already on bob's account: requestToken for "add" answers M_THREEPID_IN_USE. */
export const BOBS_EMAIL = 'bob@example.org';

/**
 * A dialable UK mobile number on an extra account. The seed users' phone (+44 7700 900001) is in Ofcom's drama range,
 * which the phone input (libphonenumber) refuses as invalid, so a person could never type it.
 */
export const DAVE = { userId: '@dave:localhost', password: 'tea and biscuits', phone: '+447400123456', national: '07400 123456' } as const;

/** The seed users plus dave, for stories that need a phone number a person can type. */
export const USERS_WITH_PHONE: FakeUserInit[] = [
  ...SEED_USERS,
  { userId: 'dave', password: DAVE.password, phones: [DAVE.phone], accessToken: 'syt_dave_fakehomeserver000000004' },
];

/** A new address for add flows: on no account. */
export const NEW_EMAIL = 'alice.work@example.org';

/** A new UK mobile number for add flows, as typed and as shown (international format). */
export const NEW_PHONE = { national: '07123 456789', international: '+44 7123 456789', e164: '+447123456789' } as const;
