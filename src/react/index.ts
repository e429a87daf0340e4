export { ThreepidProvider, useThreepidClient, useThreepidContext, type ThreepidProviderProps } from './ThreepidProvider';
export {
  useThreepidFlow,
  type ThreepidFlow,
  type ThreepidFlowOptions,
  type PhoneAddress,
  type FlowResult,
  type AuthRequiredHandler,
} from './useThreepidFlow';
export { useAddEmailFlow, useAddPhoneFlow, useResetPasswordFlow, type PresetFlowOptions } from './presets';
export type { StorageLike } from './persistence';
export {
  useRegistrationStage,
  type RegistrationStage,
  type RegistrationStageOptions,
  type RegistrationStageResult,
  type RequestedToken,
} from './useRegistrationStage';
export type { RegistrationAuthDict, RegistrationStagePassed, RegistrationStageType, SubmitRegistrationAuth } from './registrationAnswer';
