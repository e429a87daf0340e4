import { useState, type ReactNode } from 'react';
import { useFlowUi } from '../FlowUi';
import { Button } from './Button';
import { TextField, type TextFieldProps } from './TextField';

/**
 * A password input with a show/hide toggle. The toggle says what it will do ("Show password" / "Hide password");
 * it has no aria-pressed, because a pressed state on a button whose name changes reads as a contradiction
 * ("Hide password, pressed").
 */
export function PasswordField(props: TextFieldProps): ReactNode {
  const { t } = useFlowUi();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      after={
        <Button part="passwordToggle" state={visible ? 'shown' : 'hidden'} onClick={() => setVisible(!visible)}>
          {t(visible ? 'common.hidePassword' : 'common.showPassword')}
        </Button>
      }
    />
  );
}
