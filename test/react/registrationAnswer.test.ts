// How a registration stage reads whatever the host's /register call gave back: passed, not yet, or a failure.
import { describe, expect, it } from 'vitest';
import { toFlowError } from '../../src/flow/errors';
import { MatrixApiError, ThreepidNetworkError } from '../../src/protocol/errors';
import { readRegistrationAnswer } from '../../src/react/registrationAnswer';

const EMAIL = 'm.login.email.identity';
const uiaBody = (completed: string[], extra: Record<string, unknown> = {}) => ({
  session: 'uia-1',
  flows: [{ stages: ['m.login.registration_token', EMAIL] }],
  params: {},
  completed,
  ...extra,
});

/** What the flow makes of a rejection: the error kind a person is shown. */
function kindOf(error: unknown): string {
  try {
    readRegistrationAnswer(EMAIL, { ok: false, error });
    return 'passed';
  } catch (thrown) {
    return toFlowError(thrown, 'complete').kind;
  }
}

describe('readRegistrationAnswer', () => {
  it('should pass with the 200 body once the account exists', () => {
    const body = { user_id: '@n:localhost', access_token: 'syt_x' };
    expect(readRegistrationAnswer(EMAIL, { ok: true, value: body })).toEqual({ response: body });
  });

  it('should pass with the next stages when the 401 lists this stage as completed (thrown or resolved)', () => {
    const body = uiaBody([EMAIL]);
    const expected = { response: body, nextStages: { session: 'uia-1', flows: body.flows, params: {}, completed: [EMAIL] } };
    expect(readRegistrationAnswer(EMAIL, { ok: true, value: body })).toEqual(expected);
    expect(readRegistrationAnswer(EMAIL, { ok: false, error: { httpStatus: 401, data: body } })).toEqual(expected);
    expect(readRegistrationAnswer(EMAIL, { ok: false, error: { status: 401, body } })).toEqual(expected);
  });

  it('should read a 401 without this stage as not validated yet, however the host hands it over', () => {
    const body = uiaBody(['m.login.registration_token'], { errcode: 'M_UNAUTHORIZED', error: 'Unable to get validated threepid' });
    expect(kindOf({ httpStatus: 401, data: body })).toBe('notYetValidated');
    expect(kindOf({ status: 401, body: uiaBody([]) })).toBe('notYetValidated');
    expect(kindOf(new MatrixApiError({ status: 401, errcode: '', uia: { flows: body.flows, params: {}, completed: [] } }))).toBe('notYetValidated');
    expect(() => readRegistrationAnswer(EMAIL, { ok: true, value: uiaBody([]) })).toThrow(MatrixApiError);
  });

  it('should word the server refusals and network failures like the other flows', () => {
    expect(kindOf({ httpStatus: 400, data: { errcode: 'M_THREEPID_IN_USE', error: 'email is already in use' } })).toBe('threepidInUse');
    expect(kindOf({ status: 429, body: { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 2000 } })).toBe('rateLimited');
    expect(kindOf({ status: 502, body: undefined })).toBe('server');
    expect(kindOf(new TypeError('Failed to fetch'))).toBe('offline');
    expect(kindOf(new ThreepidNetworkError('timeout'))).toBe('timeout');
    expect(kindOf(new Error('something odd in the host'))).toBe('unknown');
  });

  // Issue 16 (mutation run on src/react/registrationAnswer.ts).
  it('should pass when the host hands back no body at all', () => {
    expect(readRegistrationAnswer(EMAIL, { ok: true, value: null })).toEqual({ response: null });
  });

  it("should pass with the kit's own 401 error, its UIA as the answer", () => {
    const uia = { session: 'uia-1', flows: [{ stages: [EMAIL, 'm.login.terms'] }], params: {}, completed: [EMAIL] };
    expect(readRegistrationAnswer(EMAIL, { ok: false, error: new MatrixApiError({ status: 401, errcode: 'M_UNAUTHORIZED', uia }) })).toEqual({
      response: uia,
      nextStages: uia,
    });
  });

  it('should rethrow a 401 without UIA (a lost session) as it came', () => {
    const lost = new MatrixApiError({ status: 401, errcode: 'M_UNKNOWN_TOKEN' });
    expect(() => readRegistrationAnswer(EMAIL, { ok: false, error: lost })).toThrow(lost);
  });

  it('should rethrow an error whose status is no HTTP failure unchanged', () => {
    const odd = Object.assign(new Error('could not parse the answer'), { status: 200 });
    expect(() => readRegistrationAnswer(EMAIL, { ok: false, error: odd })).toThrow(odd);
  });

  it('should name an aborted call and an unreachable server', () => {
    const reasonOf = (error: unknown): unknown => {
      try {
        readRegistrationAnswer(EMAIL, { ok: false, error });
      } catch (thrown) {
        return thrown instanceof ThreepidNetworkError ? thrown.reason : thrown;
      }
      return 'passed';
    };
    expect(reasonOf(new DOMException('The operation was aborted.', 'AbortError'))).toBe('aborted');
    expect(reasonOf(new TypeError('Failed to fetch'))).toBe('offline');
  });
});

// Issue 16 (mutation run on src/react/registrationAnswer.ts, second pass): what is not an HTTP failure or not a UIA pass.
describe('readRegistrationAnswer: answers that only look like a pass', () => {
  it('should rethrow an error whose status is a string unchanged, even with a UIA body that lists this stage', () => {
    const odd = Object.assign(new Error('the host wrapped the answer oddly'), { status: '401', body: uiaBody([EMAIL]) });
    expect(() => readRegistrationAnswer(EMAIL, { ok: false, error: odd })).toThrow(odd);
    expect(kindOf(odd)).toBe('unknown');
  });

  it('should take a refusal that carries UIA details for a refusal, not for a passed stage', () => {
    const uia = { session: 'uia-1', flows: [{ stages: [EMAIL] }], params: {}, completed: [EMAIL] };
    const refused = new MatrixApiError({ status: 403, errcode: 'M_FORBIDDEN', uia });
    expect(() => readRegistrationAnswer(EMAIL, { ok: false, error: refused })).toThrow(refused);
    expect(kindOf(refused)).toBe('forbidden');
  });
});
