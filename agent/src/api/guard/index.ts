export { createRequestGuard } from './request-guard.js';
export type { RequestGuardOptions } from './request-guard.js';
export { parseJsonBody } from './json-body.js';
export { buildContentSecurityPolicy, isApiPath } from './security-headers.js';
export { canonicalOriginFor } from './origin.js';
export { allowedHosts } from './host.js';
export { DEFAULT_MAX_BODY_BYTES, isJsonContentType } from './body-rules.js';
export type { GuardVerdict, RequestGuard } from './types.js';
