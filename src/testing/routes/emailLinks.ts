import { fail } from '../body';
import {
  addressValidatedPage,
  resetConfirmationPage,
  resetValidatedPage,
  validationFailedPage,
} from '../linkPages';
import { html, matrixError, redirect, type Reply } from '../reply';
import type { ValidationFailure } from '../sessions';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';

// Synapse's failure reasons on its link pages.
const FAILURE_REASON: Record<ValidationFailure, string> = {
  unknownSession: 'Unknown session_id',
  wrongSecret: 'This client_secret does not match the provided session_id',
  wrongToken: 'Validation token not found or has expired',
  expired: 'Validation token not found or has expired',
};

interface LinkParams {
  sid: string;
  token: string;
  clientSecret: string;
}

function linkParams(...sources: URLSearchParams[]): LinkParams {
  const read = (name: string): string => {
    for (const source of sources) {
      const value = source.get(name);
      if (value !== null) return value;
    }
    fail(matrixError(400, 'M_MISSING_PARAM', `Missing string query parameter '${name}'`));
  };
  return { sid: read('sid'), token: read('token'), clientSecret: read('client_secret') };
}

function validate(state: ServerState, params: LinkParams, success: () => string): Reply {
  const result = state.sessions.validate(params.sid, params.clientSecret, params.token, state.options.now());
  if (!result.ok) return html(400, validationFailedPage(FAILURE_REASON[result.reason]));
  return result.session.nextLink ? redirect(result.session.nextLink) : html(200, success());
}

/** GET of an add or register link: opening it validates the address (or redirects to next_link). */
export function followValidationLink(state: ServerState, req: RouteRequest): Reply {
  return validate(state, linkParams(req.url.searchParams), addressValidatedPage);
}

/** GET of a reset link: only a confirmation page; opening it validates nothing. */
export function showResetConfirmation(_state: ServerState, req: RouteRequest): Reply {
  return html(200, resetConfirmationPage(linkParams(req.url.searchParams)));
}

/** POST of the reset confirmation form: pressing the button validates the address. */
export function confirmReset(state: ServerState, req: RouteRequest): Reply {
  return validate(state, linkParams(new URLSearchParams(req.bodyText), req.url.searchParams), resetValidatedPage);
}
