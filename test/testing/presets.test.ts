// The fake's named presets answer the way the servers they model do (PROTOCOL "How Synapse behaves",
// "OAuth-era homeservers"), checked over real HTTP on loopback.
import { describe, expect, it } from 'vitest';
import { emailIdentityAuth, field, passwordAuth, requestEmailToken, requestPhoneToken } from './support/flows';
import { secret, startFake } from './support/harness';

const ALICE_TOKEN = 'syt_alice_fakehomeserver0000000001';

describe('preset synapse (the default)', () => {
  it('should say it has no OAuth server: auth_metadata 404 M_UNRECOGNIZED, a well-known without the MSC2965 hint', async () => {
    const h = await startFake();
    const stable = await h.call('GET', `${h.url}/_matrix/client/v1/auth_metadata`);
    expect(stable.status).toBe(404);
    expect(stable.json.errcode).toBe('M_UNRECOGNIZED');
    const unstable = await h.call('GET', `${h.url}/_matrix/client/unstable/org.matrix.msc2965/auth_metadata`);
    expect(unstable.json.errcode).toBe('M_UNRECOGNIZED');
    const wellKnown = await h.call('GET', `${h.url}/.well-known/matrix/client`);
    expect(wellKnown.json).toEqual({ 'm.homeserver': { base_url: h.url } });
  });

  it('should behave the same with preset synapse named explicitly', async () => {
    const h = await startFake({ preset: 'synapse' });
    const res = await requestPhoneToken(h, 'account/password', 'GB', '07700900001', secret());
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_UNRECOGNIZED');
  });
});

describe('preset oauth (Synapse + Matrix Authentication Service)', () => {
  it('should serve auth_metadata with the issuer, the account page and its actions', async () => {
    const h = await startFake({ preset: 'oauth' });
    const res = await h.call('GET', `${h.url}/_matrix/client/v1/auth_metadata`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ issuer: `${h.url}/`, account_management_uri: `${h.url}/account/` });
    expect(res.json.account_management_actions_supported).toContain('org.matrix.profile');
  });

  it('should answer M_UNRECOGNIZED on every legacy 3PID and password endpoint', async () => {
    const h = await startFake({ preset: 'oauth' });
    h.allowInvalidRequests();
    const answers = [
      await requestEmailToken(h, 'account/3pid', 'new@example.org', secret()),
      await requestEmailToken(h, 'account/password', 'alice@example.org', secret()),
      await requestPhoneToken(h, 'account/3pid', 'GB', '07700900555', secret()),
      await h.post('/account/3pid/add', { sid: 'x', client_secret: secret(), auth: passwordAuth('alice', 'correct horse') }, { token: ALICE_TOKEN }),
      await h.post('/account/3pid/delete', { medium: 'email', address: 'alice@example.org' }, { token: ALICE_TOKEN }),
      await h.post('/account/password', { new_password: 'a long new password', auth: emailIdentityAuth('x', secret()) }),
      await h.call('POST', `${h.url}/_matrix/client/unstable/add_threepid/msisdn/submit_token`, { body: { sid: 'x', client_secret: secret(), token: '1' } }),
    ];
    for (const answer of answers) expect(answer.json.errcode).toBe('M_UNRECOGNIZED');
    expect(h.hs.inbox.all()).toHaveLength(0);
  });

  it('should turn both capabilities off and still list the account addresses', async () => {
    const h = await startFake({ preset: 'oauth' });
    const caps = await h.get('/capabilities', { token: ALICE_TOKEN });
    expect(caps.json.capabilities).toMatchObject({ 'm.3pid_changes': { enabled: false }, 'm.change_password': { enabled: false } });
    const list = await h.get('/account/3pid', { token: ALICE_TOKEN });
    expect(list.status).toBe(200);
    expect(list.json.threepids).toEqual([expect.objectContaining({ medium: 'email', address: 'alice@example.org' })]);
  });

  it('should let explicit options win over the preset', async () => {
    const h = await startFake({ preset: 'oauth', authService: { issuer: 'https://account.example.org/', actions: [] } });
    const res = await h.call('GET', `${h.url}/_matrix/client/v1/auth_metadata`);
    expect(res.json).toMatchObject({ issuer: 'https://account.example.org/', account_management_uri: 'https://account.example.org/account/' });
    expect(res.json.account_management_actions_supported).toEqual([]);
  });

  it('should serve only the unstable path, with MSC4191 field names, for an older deployment', async () => {
    const h = await startFake({ preset: 'oauth', authService: { discovery: 'unstable' } });
    expect((await h.call('GET', `${h.url}/_matrix/client/v1/auth_metadata`)).status).toBe(404);
    const res = await h.call('GET', `${h.url}/_matrix/client/unstable/org.matrix.msc2965/auth_metadata`);
    expect(res.json).toMatchObject({ issuer: `${h.url}/`, 'org.matrix.msc4191.account_management_uri': `${h.url}/account/` });
  });

  it('should say so only in the well-known for the oldest deployments', async () => {
    const h = await startFake({ preset: 'oauth', authService: { discovery: 'wellKnown' } });
    expect((await h.call('GET', `${h.url}/_matrix/client/unstable/org.matrix.msc2965/auth_metadata`)).status).toBe(404);
    const res = await h.call('GET', `${h.url}/.well-known/matrix/client`);
    expect(res.json['org.matrix.msc2965.authentication']).toEqual({ issuer: `${h.url}/`, account: `${h.url}/account/` });
  });

  it('should hand out no sid: a legacy request reaches no endpoint at all', async () => {
    const h = await startFake({ preset: 'oauth' });
    const res = await requestEmailToken(h, 'account/3pid', 'new@example.org', secret());
    expect(() => field(res, 'sid')).toThrow();
    expect(h.hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    expect(h.hs.requests.count({ endpoint: 'unrecognized' })).toBe(1);
  });
});
