import type { FakeUserInit } from './types';

/** The accounts every fake homeserver starts with (printed by the CLI). Tokens are fixed so stories can use them. */
export const SEED_USERS: readonly FakeUserInit[] = [
  {
    userId: 'alice',
    password: 'correct horse',
    emails: ['alice@example.org'],
    accessToken: 'syt_alice_fakehomeserver0000000001',
  },
  {
    userId: 'bob',
    password: 'battery staple',
    emails: ['bob@example.org'],
    phones: ['+447700900001'],
    accessToken: 'syt_bob_fakehomeserver00000000002',
  },
  {
    userId: 'carol',
    sso: true,
    emails: ['carol@example.org'],
    accessToken: 'syt_carol_fakehomeserver000000003',
  },
];
