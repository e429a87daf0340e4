export { AddEmailFlow, type AddEmailFlowProps } from './AddEmailFlow';
export { AddPhoneFlow, type AddPhoneFlowProps } from './AddPhoneFlow';
export { ResetPasswordFlow, type ResetPasswordFlowProps } from './ResetPasswordFlow';
export type { DoneAction, SharedFlowProps } from './FlowRoot';
export type { FlowUiProps } from './FlowUi';
export type { PasswordRule } from './steps/NewPasswordForm';
