import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import type { FlowState } from '../../src/flow/types';
import {
  canReach,
  EVENT_TYPES,
  FLOW_CONFIGS,
  flowConfig,
  flowError,
  LATER,
  nonJsonPaths,
  OTHER_SECRET,
  PASSWORD,
  run,
  sampleEvents,
  SECRET,
  stateAt,
  STEPS,
  stringsIn,
  uiaInfo,
} from './fixtures';

const addEmail = flowConfig();

/** Every state the fixtures can build, and every state one event away from them. */
function manyStates(): { label: string; state: FlowState }[] {
  const out: { label: string; state: FlowState }[] = [];
  for (const { name, config } of FLOW_CONFIGS) {
    for (const step of STEPS.filter((s) => canReach(s, config))) {
      for (const submitUrl of [false, true]) {
        const base = stateAt(step, config, { submitUrl });
        out.push({ label: `${name} at ${step}`, state: base });
        for (const type of EVENT_TYPES) out.push({ label: `${name} at ${step} after ${type}`, state: transition(base, sampleEvents(base)[type]) });
      }
    }
  }
  return out;
}

describe('state hygiene', () => {
  const states = manyStates();

  it('should flag what JSON would lose, so the checks below can fail', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const shared = [1];
    expect(nonJsonPaths({ a: new Date(0), b: () => 1, c: Number.NaN, d: [Symbol('s')], e: cyclic, f: { g: shared, h: shared } })).toEqual([
      '$.a (instance)',
      '$.b',
      '$.c',
      '$.d[0]',
      '$.e.self (cycle)',
    ]);
  });

  it('should build a wide sample of states', () => {
    expect(states.length).toBeGreaterThan(1000);
  });

  it('should be plain JSON data in every state', () => {
    for (const { label, state } of states) {
      expect(nonJsonPaths(state), label).toEqual([]);
      expect(JSON.parse(JSON.stringify(state)), label).toEqual(state);
    }
  });

  it('should keep client secrets only in the session', () => {
    for (const { label, state } of states) {
      const holders = stringsIn(state).filter((s) => s.value.includes(SECRET) || s.value.includes(OTHER_SECRET));
      for (const h of holders) expect(h.path, label).toBe('$.session.clientSecret');
    }
  });

  it('should keep the new password only in newPassword, and only for reset', () => {
    for (const { label, state } of states) {
      const holders = stringsIn(state).filter((s) => s.value.includes(PASSWORD));
      for (const h of holders) expect(h.path, label).toBe('$.newPassword');
      if (state.config.purpose === 'add') expect(state.newPassword, label).toBeUndefined();
    }
  });

  it('should not copy a secret the server echoes back into anything but the error text it came in', () => {
    // A server error may quote the request; the machine must not spread it into other fields.
    const echoed = flowError({ status: 400, errcode: 'M_INVALID_PARAM', serverMessage: `bad client_secret ${SECRET}` }, 'request');
    const state = run(stateAt('requesting', addEmail), { type: 'REQUEST.FAILURE', error: echoed, now: LATER });
    const paths = stringsIn(state).filter((s) => s.value.includes(SECRET)).map((s) => s.path).sort();
    expect(paths).toEqual(['$.error.serverMessage', '$.session.clientSecret']);
  });

  it('should keep a UIA body as plain data', () => {
    const uia = uiaInfo({ params: { 'm.login.terms': { policies: { privacy: { version: '1', en: { name: 'Privacy', url: 'https://example.org/p' } } } } } });
    const state = transition(stateAt('completing', addEmail), { type: 'COMPLETE.FAILURE', error: flowError({ status: 401, errcode: '', uia }), uia });
    expect(state.step).toBe('authenticating');
    expect(nonJsonPaths(state)).toEqual([]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
