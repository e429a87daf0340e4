// i18n first: bundlers then emit the message tables side by side, where gzip compresses them best.
export { en, errorMessage, createTranslator, type Messages, type MessageKey, type MessageValues, type Translate } from './i18n';
export type { Locale, HostTranslate } from './i18n';
export * from './components';
export * from './react';
export * from './protocol';
export { transition, createInitialState, canResend, resendAvailableAt, isBusy, isAwaiting, toFlowError } from './flow';
export type * from './flow/types';
export { parts, type PartName, type ClassNames } from './components/anatomy';
