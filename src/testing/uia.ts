import type { Medium } from '../protocol/types';
import { fail, isJsonObject, requireString, type JsonObject } from './body';
import { randomString } from './ids';
import { json, matrixError } from './reply';
import type { ServerState } from './state';
import type { UserRecord } from './users';

/** A User-Interactive Auth session: the stages completed so far persist across retries. */
export interface UiaSession {
  id: string;
  /** The operation the session was started for; another operation may not reuse it. */
  endpoint: string;
  userId: string | undefined;
  completed: Set<string>;
  /** The 3PID proven by an email/msisdn identity stage. */
  threepid?: { medium: Medium; address: string } | undefined;
  /** A new password sent before auth completed, used once it does (as Synapse does). */
  newPassword?: string | undefined;
  /** Sign-up: every 3PID the identity stages proved (a flow may ask for a phone and an email). */
  proven?: Array<{ medium: Medium; address: string }> | undefined;
  /** Sign-up: the username asked for before auth completed. */
  username?: string | undefined;
  /** Sign-up: the account this session created; a retry of the same session answers with it again (as Synapse does). */
  registeredUserId?: string | undefined;
}

/** UIA sessions by ID. */
export class UiaSessions {
  private readonly sessions = new Map<string, UiaSession>();

  create(endpoint: string, userId: string | undefined): UiaSession {
    const session: UiaSession = { id: randomString(24), endpoint, userId, completed: new Set() };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): UiaSession | undefined {
    return this.sessions.get(id);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** What an endpoint asks of UIA. */
export interface UiaRequest {
  endpoint: string;
  /** Each flow is a list of stages; completing every stage of one flow passes. */
  flows: string[][];
  /** The request's `auth` field, unchecked. */
  auth: unknown;
  /** The authenticated caller, for endpoints that need an access token. */
  requester?: UserRecord | undefined;
  /** Called with the session when auth is still incomplete, just before the 401. */
  onIncomplete?: ((session: UiaSession) => void) | undefined;
}

/** The 401 body that asks for (more) auth. */
function uiaBody(flows: string[][], session: UiaSession): JsonObject {
  return { session: session.id, flows: flows.map((stages) => ({ stages })), params: {} };
}

/** The UIA flows for an account: its password, or SSO for an SSO-only account. */
export function accountFlows(user: UserRecord): string[][] {
  return user.sso ? [['m.login.sso']] : [['m.login.password']];
}

/**
 * Runs User-Interactive Auth like Synapse: returns the session once a flow is complete, otherwise answers 401
 * with the flows, the session and (when auth was given) the completed stages plus the stage's error.
 */
export function runUia(state: ServerState, request: UiaRequest): UiaSession {
  const { auth, flows, endpoint, requester } = request;
  if (auth === undefined || auth === null) {
    const created = state.uia.create(endpoint, requester?.userId);
    request.onIncomplete?.(created);
    fail(json(401, uiaBody(flows, created)));
  }
  if (!isJsonObject(auth)) fail(matrixError(400, 'M_BAD_JSON', "'auth' must be an object"));

  let session: UiaSession;
  if (auth.session === undefined) {
    session = state.uia.create(endpoint, requester?.userId);
  } else {
    if (typeof auth.session !== 'string') fail(matrixError(400, 'M_BAD_JSON', "'session' must be a string"));
    const found = state.uia.get(auth.session);
    if (!found) fail(matrixError(400, 'M_UNKNOWN', 'Unknown session ID'));
    if (found.endpoint !== endpoint || found.userId !== requester?.userId) {
      fail(matrixError(403, 'M_FORBIDDEN', 'Requested operation has changed during the UI authentication session.'));
    }
    session = found;
  }

  let stageError: { errcode: string; error: string } | undefined;
  if (auth.type !== undefined) {
    if (typeof auth.type !== 'string') fail(matrixError(400, 'M_BAD_JSON', "'type' must be a string"));
    stageError = checkStage(state, auth, auth.type, session, requester);
  }
  if (flows.some((stages) => stages.every((stage) => session.completed.has(stage)))) return session;
  request.onIncomplete?.(session);
  fail(json(401, { ...uiaBody(flows, session), completed: [...session.completed], ...stageError }));
}

/** Checks one stage; marks it completed, or returns the error to merge into the 401 body. */
function checkStage(
  state: ServerState,
  auth: JsonObject,
  type: string,
  session: UiaSession,
  requester: UserRecord | undefined,
): { errcode: string; error: string } | undefined {
  switch (type) {
    case 'm.login.password':
      return checkPassword(state, auth, session, requester);
    case 'm.login.email.identity':
    case 'm.login.msisdn':
      return checkThreepid(state, auth, type, session);
    case 'm.login.dummy':
      session.completed.add(type);
      return undefined;
    case 'm.login.registration_token':
      return checkRegistrationToken(state, auth, session);
    default:
      // Synapse has no checker for SSO (it completes through the fallback page) nor for unknown types.
      fail(matrixError(400, 'M_UNKNOWN', `Unknown login type ${type}`));
  }
}

function checkPassword(
  state: ServerState,
  auth: JsonObject,
  session: UiaSession,
  requester: UserRecord | undefined,
): { errcode: string; error: string } | undefined {
  const user = identifiedUser(state, auth);
  const password = auth.password;
  if (typeof password !== 'string' || password.length > 512) {
    fail(matrixError(400, 'M_INVALID_PARAM', 'Bad parameter: password'));
  }
  if (!user || user.password === undefined || user.password !== password) {
    return { errcode: 'M_FORBIDDEN', error: 'Invalid username or password' };
  }
  if (requester && requester.userId !== user.userId) fail(matrixError(403, 'M_FORBIDDEN', 'Invalid auth'));
  session.completed.add('m.login.password');
  return undefined;
}

/** The account named by a UIA/login `identifier` (or the legacy `user` field). */
export function identifiedUser(state: ServerState, auth: JsonObject): UserRecord | undefined {
  const identifier = auth.identifier;
  if (identifier === undefined) {
    if (typeof auth.user !== 'string') fail(matrixError(400, 'M_MISSING_PARAM', 'Missing param: user'));
    return state.users.get(auth.user);
  }
  if (!isJsonObject(identifier)) fail(matrixError(400, 'M_INVALID_PARAM', 'Invalid login submission'));
  switch (identifier.type) {
    case 'm.id.user':
      return state.users.get(requireString(identifier, 'user'));
    case 'm.id.thirdparty': {
      const medium = requireString(identifier, 'medium');
      if (medium !== 'email' && medium !== 'msisdn') return undefined;
      return state.users.findByThreepid(medium, requireString(identifier, 'address'));
    }
    default:
      fail(matrixError(400, 'M_UNKNOWN', 'Unknown login identifier type'));
  }
}

function checkThreepid(
  state: ServerState,
  auth: JsonObject,
  type: 'm.login.email.identity' | 'm.login.msisdn',
  session: UiaSession,
): { errcode: string; error: string } | undefined {
  const creds = auth.threepid_creds ?? auth.threepidCreds;
  if (!isJsonObject(creds)) fail(matrixError(400, 'M_MISSING_PARAM', 'Missing param: threepid_creds'));
  const sid = requireString(creds, 'sid');
  const clientSecret = requireString(creds, 'client_secret');
  const validated = state.sessions.validated(sid, clientSecret);
  if (!validated) return { errcode: 'M_UNAUTHORIZED', error: 'Unable to get validated threepid' };
  const medium: Medium = type === 'm.login.email.identity' ? 'email' : 'msisdn';
  if (validated.medium !== medium) {
    return { errcode: 'M_UNAUTHORIZED', error: `Expecting threepid of type '${medium}', got '${validated.medium}'` };
  }
  // A validated session proves the address once: Synapse deletes it when a UIA stage uses it.
  state.sessions.delete(sid);
  session.threepid = { medium, address: validated.address };
  (session.proven ??= []).push(session.threepid);
  session.completed.add(type);
  return undefined;
}

function checkRegistrationToken(state: ServerState, auth: JsonObject, session: UiaSession): { errcode: string; error: string } | undefined {
  const token = requireString(auth, 'token');
  if (!state.options.registration.tokens.includes(token)) return { errcode: 'M_UNAUTHORIZED', error: 'Invalid registration token' };
  session.completed.add('m.login.registration_token');
  return undefined;
}
