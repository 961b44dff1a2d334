export { KeyRegistry, KeyEntrySchema, KeyFileSchema } from './key-registry.js';
export type { KeyEntry, RegisteredKey } from './key-registry.js';
export { verifyRequest, AuthFailure, DEFAULT_MAX_SKEW_MS, PSS_SALT_LENGTH_BYTES } from './verify-request.js';
export type { VerifyResult, SignedRequest, HeaderSource } from './verify-request.js';
export { kalshiAuth, authErrorBody, rawPath } from './middleware.js';
export type { AuthVariables, AuthEnv, AuthContext } from './middleware.js';
export { keyAdminRoutes } from './key-admin-routes.js';
export { signRequest } from './sign-request.js';
