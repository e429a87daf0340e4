import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useFlowUi } from '../FlowUi';
import { Button } from './Button';

/** What ties a control to its label, hint and errors. */
export interface ControlAttributes {
  id: string;
  'aria-invalid'?: true | undefined;
  'aria-describedby'?: string | undefined;
}

/** Props of a labelled input with hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  label: string;
  hint?: string | undefined;
  /** The field's own validation message. */
  fieldError?: string | undefined;
  /** Ids of other elements that describe the field (e.g. a server error about it). */
  describedBy?: string | undefined;
  /** The input's ref (not `ref`: React 18, within our peer range, does not pass `ref` to a function component). */
  inputRef?: Ref<HTMLInputElement> | undefined;
  part?: 'input' | 'code' | undefined;
  /** Renders another control (e.g. the phone input) in place of the `<input>`. */
  render?: ((attributes: ControlAttributes) => ReactNode) | undefined;
}

/**
 * A labelled input whose hint and errors are tied to it with aria-describedby. The field's error takes the hint's
 * place while it shows, so the rule is not said twice ("At least 8 characters." over "Use at least 8 characters."). A password input gets a show/hide
 * toggle, grouped with it as `password`. The toggle says what it will do ("Show password" / "Hide password"); it has
 * no aria-pressed, because a pressed state on a button whose name changes reads as a contradiction
 * ("Hide password, pressed").
 */
export function TextField({ label, hint, fieldError, describedBy, part = 'input', render, inputRef, ...input }: TextFieldProps): ReactNode {
  const { t, part: partOf } = useFlowUi();
  const id = useId();
  const [visible, setVisible] = useState(false);
  if (fieldError) hint = undefined;
  const attributes: ControlAttributes = {
    id,
    'aria-invalid': fieldError ? true : undefined,
    'aria-describedby': [fieldError && `${id}-error`, hint && `${id}-hint`, describedBy].filter(Boolean).join(' ') || undefined,
  };
  const password = input.type === 'password';
  // No input here wants spelling marks: addresses, codes and passwords are not words.
  const field = render ? (
    render(attributes)
  ) : (
    <input {...partOf(part)} {...attributes} spellCheck={false} {...input} ref={inputRef} type={visible ? 'text' : input.type} autoCapitalize={password ? 'off' : undefined} />
  );
  return (
    <div {...partOf('field', fieldError ? 'invalid' : 'valid')}>
      <label {...partOf('label')} htmlFor={id}>
        {label}
      </label>
      {password ? (
        <div {...partOf('password')}>
          {field}
          <Button part="passwordToggle" state={visible ? 'shown' : 'hidden'} onClick={() => setVisible(!visible)}>
            {t(visible ? 'common.hidePassword' : 'common.showPassword')}
          </Button>
        </div>
      ) : (
        field
      )}
      {hint && (
        <p {...partOf('hint')} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {fieldError && (
        <p {...partOf('fieldError')} id={`${id}-error`} role="alert">
          {fieldError}
        </p>
      )}
    </div>
  );
}
