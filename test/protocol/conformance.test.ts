// Every request the client sends and every well-formed reply the scenario table mocks, checked against the
// Matrix OpenAPI spec (test/fixtures/matrix-spec, or MATRIX_SPEC_OPENAPI) and the prose rules it leaves out.
import { describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { generateClientSecret } from '../../src/protocol/clientSecret';
import type { RequestTokenParams } from '../../src/protocol/types';
import { useMockHomeserver } from '../support/mockHomeserver';
import { ACCESS_TOKEN, BASE_URL, protocolScenarios } from '../support/protocolScenarios';
import { settle } from '../support/settle';
import { specCovers, specSkipReason, validateRequest, validateResponse } from '../support/spec';

const hs = useMockHomeserver();
const skipNote = specSkipReason ? ` (skipped: ${specSkipReason})` : '';
const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN, prefix: '/_api/client/v3' });

describe('Matrix spec conformance', () => {
  describe.each(protocolScenarios.map((s) => [s.name, s] as const))('when the client should %s', (_name, scenario) => {
    it.skipIf(specSkipReason)(`should send a request body the spec accepts${skipNote}`, async () => {
      hs.reply(scenario.reply);
      await settle(scenario.call(client));
      expect(hs.requests).toHaveLength(1);
      const [req] = hs.requests;
      expect(validateRequest(req?.method ?? '', req?.url ?? '', req?.body)).toEqual([]);
    });

    const { malformed, json, text, status = 200 } = scenario.reply;
    const { method, path } = scenario.request;
    const url = path.startsWith('https:') ? path : `/_matrix/client/v3${path}`;
    if (!malformed) {
      it.skipIf(specSkipReason)(`should mock a reply the spec accepts${skipNote}`, () => {
        expect(validateResponse(method, url, status, json)).toEqual([]);
      });
    } else if (text === undefined && json !== undefined && specCovers(method, url)) {
      // A reply flagged as broken must really be broken, or the flag would hide a drifted mock.
      it.skipIf(specSkipReason)(`should see the spec reject the deliberately broken reply (${malformed})${skipNote}`, () => {
        expect(validateResponse(method, url, status, json)).not.toEqual([]);
      });
    }
  });

  it.skipIf(specSkipReason)(`should send spec-valid requestToken bodies for generated secrets and every purpose${skipNote}`, async () => {
    const purposes = ['add', 'reset', 'register'] as const;
    const media: RequestTokenParams[] = [
      { medium: 'email', email: 'bob@example.org', clientSecret: generateClientSecret(), sendAttempt: 7, nextLink: 'https://app.example.org/ok' },
      { medium: 'msisdn', country: 'de', phoneNumber: '+49 30 1234567', clientSecret: generateClientSecret(), sendAttempt: 1 },
    ];
    for (const purpose of purposes) {
      for (const params of media) {
        hs.reply({ json: { sid: 'abc.DEF=123_-' } });
        await client.requestToken(purpose, params);
      }
    }
    expect(hs.requests).toHaveLength(6);
    for (const r of hs.requests) expect(validateRequest(r.method, r.url, r.body)).toEqual([]);
  });
});
