import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the built PWA lives, relative to the agent package: `web/dist` of the same checkout
 * (agent/src/api/static → ../../../../web/dist). A bundled agent (dist/agent/agent.mjs) finds it at
 * ../../web/dist. The first that holds an index.html wins; else the source-tree path (the site
 * then answers 503 saying how to build it).
 */
export function defaultWebRoot(): string {
  const candidates = [
    fileURLToPath(new URL('../../../../web/dist/', import.meta.url)),
    fileURLToPath(new URL('../../web/dist/', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(`${dir}index.html`)) ?? (candidates[0] as string);
}
