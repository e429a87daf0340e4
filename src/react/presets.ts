import { addEngine, resetEngine } from './engines';
import { useFlowEngine, useThreepidFlow, type ThreepidFlow, type ThreepidFlowOptions } from './useThreepidFlow';

/** Options of the preset hooks: everything but purpose and medium. */
export type PresetFlowOptions = Omit<ThreepidFlowOptions, 'purpose' | 'medium'>;

/** Add an email address to the signed-in account. */
export function useAddEmailFlow(options: PresetFlowOptions = {}): ThreepidFlow {
  return useThreepidFlow({ ...options, purpose: 'add', medium: 'email' });
}

/** Add a phone number to the signed-in account. */
export function useAddPhoneFlow(options: PresetFlowOptions = {}): ThreepidFlow {
  return useThreepidFlow({ ...options, purpose: 'add', medium: 'msisdn' });
}

/** Reset a forgotten password by email (default) or phone. */
export function useResetPasswordFlow(options: PresetFlowOptions & { medium?: ThreepidFlowOptions['medium'] | undefined } = {}): ThreepidFlow {
  return useThreepidFlow({ medium: 'email', ...options, purpose: 'reset' });
}

// The flow components' own hooks: the same flows, with only their purpose's engine (see FlowEngine).

/** `useAddEmailFlow` for `<AddEmailFlow>`. */
export const useEmailAdding = (options: PresetFlowOptions): ThreepidFlow => useFlowEngine({ ...options, purpose: 'add', medium: 'email' }, addEngine);

/** `useAddPhoneFlow` for `<AddPhoneFlow>`. */
export const usePhoneAdding = (options: PresetFlowOptions): ThreepidFlow => useFlowEngine({ ...options, purpose: 'add', medium: 'msisdn' }, addEngine);

/** `useResetPasswordFlow` for `<ResetPasswordFlow>`. */
export const usePasswordReset = (options: PresetFlowOptions & { medium: ThreepidFlowOptions['medium'] }): ThreepidFlow =>
  useFlowEngine({ ...options, purpose: 'reset' }, resetEngine);
