import { useEffect, useId, useMemo, type ReactNode } from 'react';
import {
  get,
  useForm,
  type FieldError,
  type DefaultValues,
  type FieldValues,
  type Path,
  type RefCallBack,
  type RegisterOptions,
  type SubmitHandler,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form';
import type { FlowError, ValidationSession } from '../../flow/types';
import type { MessageKey } from '../../i18n/en';
import { errorMessage } from '../../i18n/errorMessage';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { flowKey } from '../view';

/** What a step's fields get from its form. */
export interface StepFormApi<T extends FieldValues> extends UseFormReturn<T> {
  /** A field's props for TextField: react-hook-form's (its ref as `inputRef`) and its own validation message. */
  field<N extends Path<T>>(name: N, rules?: RegisterOptions<T, N>): Omit<UseFormRegisterReturn<N>, 'ref'> & { inputRef: RefCallBack; fieldError?: string | undefined };
  /** The alert's id while it shows, for the aria-describedby of the field it is about. */
  alertId?: string | undefined;
}

/** Props of a step's form. */
export interface StepFormProps<T extends FieldValues> {
  flow: ThreepidFlow;
  defaultValues?: DefaultValues<T> | undefined;
  /** Called with valid values; makes the step a `<form>` with a submit button. Without it, a `<div>` whose button calls `onClick`. */
  onValid?: SubmitHandler<T> | undefined;
  onClick?: (() => void) | undefined;
  /** The main button's label. */
  label: MessageKey;
  busy: MessageKey | false;
  /** Shows a Cancel button that calls this. */
  onCancel?: (() => void) | undefined;
  children: (form: StepFormApi<T>) => ReactNode;
  /** Shown after the actions. */
  footer?: ReactNode | undefined;
  /** The field to focus (its text selected) when an error comes, so the person can correct it at once. */
  focusOnError?: Path<T> | undefined;
}

/**
 * The error as the person lives it. After a 429 the flow waits until the session's `cooldownUntil`, which can be
 * longer than the server's Retry-After (our own resend cooldown is never shortened): name that wait, so the message
 * and the resend countdown agree.
 */
function asLived(error: FlowError, session: ValidationSession | undefined): FlowError {
  // Only a refused request sets the cooldown; a 429 elsewhere (finishing) keeps the server's own wait.
  const wait = (session?.lastRequestFailed ? (session.cooldownUntil ?? 0) : 0) - Date.now();
  return error.kind === 'rateLimited' && wait > (error.retryAfterMs ?? 0) ? { ...error, retryAfterMs: wait } : error;
}

/**
 * The shape every step shares: its fields (uncontrolled, react-hook-form, so typing never re-renders the flow), the
 * server's error announced at once (role="alert"), then the main button and Cancel.
 */
export function StepForm<T extends FieldValues>({ flow, defaultValues, onValid, onClick, label, busy, onCancel, children, footer, focusOnError }: StepFormProps<T>): ReactNode {
  const { t, part } = useFlowUi();
  const id = useId();
  const form = useForm<T>({ defaultValues });
  const { error, session } = flow.state;
  // Keyed on the error alone: worked out once when it appears, because the text of a role="alert" must not change
  // (and be re-announced) while the wait runs down.
  const message = useMemo(() => error && errorMessage(asLived(error, session), t), [error, t]);
  const { setFocus, trigger } = form;
  useEffect(() => {
    if (error && focusOnError) setFocus(focusOnError, { shouldSelect: true });
  }, [error, focusOnError, setFocus]);
  // A field's message is written when the field is checked: when the language changes, the fields showing one are
  // checked again, so their messages change language with the rest of the screen (and with what was typed kept).
  useEffect(() => {
    const shown = Object.keys(form.formState.errors) as Path<T>[];
    if (shown.length) void trigger(shown);
  }, [t]);
  const Tag = onValid ? 'form' : 'div';
  return (
    <Tag {...part('form')} noValidate={!!onValid} onSubmit={onValid && form.handleSubmit(onValid)}>
      {children({
        ...form,
        field: (name, rules) => {
          const { ref, ...registered } = form.register(name, rules);
          // Only `errors` is read from formState: react-hook-form re-renders for what is read, and reading a field's
          // dirty/touched state would re-render the form on the first keystroke.
          const error = get(form.formState.errors, name) as FieldError | undefined;
          return { ...registered, inputRef: ref, fieldError: error?.message };
        },
        alertId: error && id,
      })}
      {error && (
        // A cancel the person chose is no failure: said in the hint's quiet tone, not as a red alert.
        <div {...part(error.kind === 'authCancelled' ? 'hint' : 'alert', error.kind)} id={id} role="alert">
          {message}
        </div>
      )}
      <div {...part('actions')}>
        <Button type={onValid ? 'submit' : 'button'} busy={busy} onClick={onClick}>
          {t(label)}
        </Button>
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      {footer}
    </Tag>
  );
}

/** The send button of an address form (email or phone). */
export function sendButton({ state }: ThreepidFlow): Pick<StepFormProps<FieldValues>, 'label' | 'busy'> {
  const key = flowKey(state);
  return {
    label: key !== 'reset' ? `${key}.submit` : state.config.medium === 'email' ? 'reset.submitEmail' : 'reset.submitPhone',
    // Never held by a rate limit: it is about one address, and another may be sent at once (see the machine).
    busy: state.step === 'requesting' && 'common.sending',
  };
}
