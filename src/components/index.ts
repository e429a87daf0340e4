export { AddEmailFlow, type AddEmailFlowProps } from './AddEmailFlow';
export { ResetPasswordFlow, type ResetPasswordFlowProps, type PhoneForm } from './ResetPasswordFlow';
export type { CountryCode, CountryLabels } from './countryTypes';
export { RegistrationThreepidStage, type RegistrationThreepidStageProps } from './RegistrationThreepidStage';
export type { DoneAction, SharedFlowProps } from './FlowRoot';
export type { FlowUiProps } from './FlowUi';
export type { PasswordRule } from './steps/NewPasswordForm';
