import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useFlowUi } from '../FlowUi';

/** Props of a labelled input with hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  label: string;
  hint?: string;
  /** The field's own validation message. */
  fieldError?: string;
  /** Ids of other elements that describe the field (e.g. a server error about it). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Something to show after the input, such as a show/hide button; input and it are then grouped as `password`. */
  after?: ReactNode;
  part?: 'input' | 'code';
}

/** A labelled input whose hint and errors are tied to it with aria-describedby. */
export function TextField({ label, hint, fieldError, describedBy, inputRef, after, part = 'input', ...input }: TextFieldProps): ReactNode {
  const { part: partOf } = useFlowUi();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describers = [fieldError ? errorId : undefined, hint ? hintId : undefined, describedBy].filter(Boolean).join(' ');
  const invalid = Boolean(fieldError);
  const control = (
    <input {...partOf(part)} id={id} ref={inputRef} aria-invalid={invalid || undefined} aria-describedby={describers || undefined} {...input} />
  );
  return (
    <div {...partOf('field', invalid ? 'invalid' : 'valid')}>
      <label {...partOf('label')} htmlFor={id}>
        {label}
      </label>
      {after ? (
        <div {...partOf('password')}>
          {control}
          {after}
        </div>
      ) : (
        control
      )}
      {hint && (
        <p {...partOf('hint')} id={hintId}>
          {hint}
        </p>
      )}
      {fieldError && (
        <p {...partOf('fieldError')} id={errorId} role="alert">
          {fieldError}
        </p>
      )}
    </div>
  );
}
