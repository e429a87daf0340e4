import type { FlowState, FlowStep } from '../flow/types';
import type { MessageKey } from '../i18n/en';
import { nextStage } from './steps/AuthStep';

/** The screen a flow shows: several machine steps share one screen (e.g. a resend in flight keeps the link screen). */
export type FlowView = 'checking' | 'unavailable' | 'address' | 'password' | 'link' | 'code' | 'auth' | 'account' | 'done';

/** The message-key prefix of a flow: `addEmail`, `addPhone` or `reset`. */
export function flowKey(state: FlowState): 'addEmail' | 'addPhone' | 'reset' {
  if (state.config.purpose === 'reset') return 'reset';
  return state.config.medium === 'email' ? 'addEmail' : 'addPhone';
}

// `requesting` and `completing` are left out: they keep the screen they started from.
const stepViews = {
  checking: 'checking',
  unavailable: 'unavailable',
  enterAddress: 'address',
  choosePassword: 'password',
  awaitingCode: 'code',
  submittingCode: 'code',
  awaitingLink: 'link',
  authenticating: 'auth',
  accountManagement: 'account',
  done: 'done',
} as const satisfies Record<Exclude<FlowStep, 'requesting' | 'completing'>, FlowView>;

/** Which screen to show for a state. */
export function viewOf(state: FlowState): FlowView {
  const { step, returnTo, config } = state;
  if (step === 'requesting') return returnTo ? stepViews[returnTo] : 'address';
  if (step !== 'completing') return stepViews[step];
  // Auth given while waiting for the link is answered on the link screen.
  if (state.uia && !state.earlyAuth) return 'auth';
  // A reset that asks the password after the link finishes from the password screen.
  if (config.purpose === 'reset' && config.passwordStep === 'after-link') return 'password';
  return returnTo === 'awaitingCode' ? 'code' : 'link';
}

/** A key prefix whose `.heading` is a message. */
type HeadingPrefix = MessageKey extends infer K ? (K extends `${infer P}.heading` ? P : never) : never;

/** The messages of one screen: its heading (`<prefix>.heading`), the description (may name `{address}`) and an extra sentence. */
export type ScreenKeys = [heading: HeadingPrefix, description?: MessageKey, more?: MessageKey];

/** Which messages a screen shows. */
export function screenKeys(view: FlowView, state: FlowState, hostHandlesAuth?: boolean): ScreenKeys {
  const { unavailable = 'mediumNotSupported', uia } = state;
  const key = flowKey(state);
  const reset = key === 'reset';
  const email = state.config.medium === 'email';
  // A refused medium is named: the screen says email, or phone numbers, aren't available.
  const reason = unavailable === 'mediumNotSupported' ? (email ? 'emailNotSupported' : 'phoneNotSupported') : unavailable;
  const link = reset && !email ? 'reset.phoneLink' : (`${key}.link` as const);
  // What "Confirm it's you" asks for. A host running its own dialog explains that there.
  const stage = uia && !hostHandlesAuth ? nextStage(uia) : undefined;
  const auth = stage === 'm.login.password' ? 'password' : stage === 'm.login.sso' ? 'sso' : 'fallback';
  const screens: Record<FlowView, ScreenKeys> = {
    checking: ['checking', 'checking.status'],
    unavailable:
      reason === 'notOffered' && reset && !email
        ? ['unavailable.notOffered', 'unavailable.notOffered.resetPhone']
        : [`unavailable.${reason}`, `unavailable.${reason}.description`],
    address: [key, reset ? (email ? 'reset.email.description' : 'reset.phone.description') : `${key}.hint`],
    password: ['reset.password'],
    link: [link, `${link}.sent`],
    code: [`${key}.code`, `${key}.code.description`],
    auth: ['auth', stage ? `auth.${auth}.description` : undefined],
    account: [`${key}.account`, `${key}.account.description`],
    done: [`${key}.done`, `${key}.done.description`, reset ? (state.logoutDevices ? 'reset.done.devicesSignedOut' : 'reset.done.devicesKept') : undefined],
  };
  return screens[view];
}
