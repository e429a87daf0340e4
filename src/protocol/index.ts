export { createThreepidClient } from './client';
export { generateClientSecret, isValidClientSecret } from './clientSecret';
export {
  MatrixApiError,
  ThreepidNetworkError,
  isNotYetValidated,
  isRateLimited,
  isUiaRequired,
  type MatrixApiErrorInit,
  type NetworkFailureReason,
} from './errors';
export { BAD_RESPONSE_ERRCODE } from './parseResponse';
export { requestTokenPath } from './paths';
export { isSafeSubmitUrl, isValidNextLink } from './urlSafety';
export type * from './types';
