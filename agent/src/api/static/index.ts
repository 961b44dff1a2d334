export { staticSiteRoutes } from './static-site.js';
export type { StaticSiteOptions } from './static-site.js';
export { defaultWebRoot } from './web-root.js';
