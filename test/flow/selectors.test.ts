import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { isAskingAuth, isAwaiting, isBusy } from '../../src/flow/selectors';
import type { FlowStep } from '../../src/flow/types';
import { canReach, FLOW_CONFIGS, flowConfig, stateAt, STEPS, uiaInfo } from './fixtures';

const BUSY: FlowStep[] = ['checking', 'requesting', 'submittingCode', 'completing'];
const AWAITING: FlowStep[] = ['awaitingCode', 'awaitingLink'];

const cases = FLOW_CONFIGS.flatMap(({ name, config }) => STEPS.filter((s) => canReach(s, config)).map((step) => ({ flow: name, config, step })));

describe('isBusy', () => {
  it.each(cases)('should say whether a request the person waits on runs in $step ($flow)', ({ config, step }) => {
    expect(isBusy(stateAt(step, config))).toBe(BUSY.includes(step));
  });

  it('should not count a silent poll as busy', () => {
    const polling = transition(stateAt('awaitingLink', flowConfig()), { type: 'CONTINUE', trigger: 'poll' });
    expect(polling.step).toBe('completing');
    expect(isBusy(polling)).toBe(false);
  });
});

describe('isAwaiting', () => {
  it.each(cases)('should say whether the person is waiting for a message in $step ($flow)', ({ config, step }) => {
    expect(isAwaiting(stateAt(step, config))).toBe(AWAITING.includes(step));
  });
});

describe('isAskingAuth', () => {
  const add = flowConfig();

  it('should ask on the auth step', () => {
    expect(isAskingAuth(stateAt('authenticating', add))).toBe(true);
  });

  it('should ask on the link screen once the server asked for auth early, and not before', () => {
    const waiting = stateAt('awaitingLink', add);
    expect(isAskingAuth(waiting)).toBe(false);
    const asked = transition(waiting, { type: 'AUTH.EARLY', uia: uiaInfo() });
    expect(isAskingAuth(asked)).toBe(true);
    // Once the person answers the prompt, the answer is on its way: nothing to ask until it comes back.
    const answering = transition(asked, { type: 'AUTH.START' });
    expect(answering.step).toBe('completing');
    expect(isAskingAuth(answering)).toBe(false);
  });

  it('should not ask on the code screen or any other step', () => {
    expect(isAskingAuth(stateAt('awaitingCode', add))).toBe(false);
    expect(isAskingAuth(stateAt('completing', add))).toBe(false);
    expect(isAskingAuth(stateAt('enterAddress', add))).toBe(false);
  });
});
