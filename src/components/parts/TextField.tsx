import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useFlowUi } from '../FlowUi';

/** What ties a control to its label, hint and errors. */
export interface ControlAttributes {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** Props of a labelled input with hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  label: string;
  hint?: string;
  /** The field's own validation message. */
  fieldError?: string;
  /** Ids of other elements that describe the field (e.g. a server error about it). */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
  /** Something to show after the input, such as a show/hide button; input and it are then grouped as `password`. */
  after?: ReactNode;
  part?: 'input' | 'code';
  /** Renders another control (e.g. the phone input) in place of the `<input>`. */
  render?: (attributes: ControlAttributes) => ReactNode;
}

/** A labelled input whose hint and errors are tied to it with aria-describedby. */
export function TextField({ label, hint, fieldError, describedBy, after, part = 'input', render, ...input }: TextFieldProps): ReactNode {
  const { part: partOf } = useFlowUi();
  const id = useId();
  const attributes: ControlAttributes = {
    id,
    'aria-invalid': fieldError ? true : undefined,
    'aria-describedby': [fieldError && `${id}-error`, hint && `${id}-hint`, describedBy].filter(Boolean).join(' ') || undefined,
  };
  const field = render ? render(attributes) : <input {...partOf(part)} {...attributes} {...input} />;
  return (
    <div {...partOf('field', fieldError ? 'invalid' : 'valid')}>
      <label {...partOf('label')} htmlFor={id}>
        {label}
      </label>
      {after ? (
        <div {...partOf('password')}>
          {field}
          {after}
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
