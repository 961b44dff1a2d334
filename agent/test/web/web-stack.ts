/**
 * The usual Chromium e2e stack, registered on the calling test file's hooks: the built PWA, the
 * REAL agent on the REAL simulator, and one headless Chromium with a fresh profile; stopped after
 * the file. `artifacts`: where the browser's screenshots go (default browser.ts's ARTIFACTS).
 */
import { afterAll, beforeAll } from 'vitest';
import type { SimAgent } from '../e2e/helpers.js';
import type { Page } from 'playwright-core';
import { startSimAgent, waitFor } from '../e2e/helpers.js';
import { buildWeb, launchBrowser, type BrowserSession } from './browser.js';
import { pairingLinkIn, pairWithLink } from './command-center.js';

export interface WebStack {
  readonly agent: () => SimAgent;
  readonly chrome: () => BrowserSession;
}

export function useWebStack(options: { artifacts?: string } = {}): WebStack {
  let running: SimAgent | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    buildWeb();
    running = await startSimAgent();
    browser = await launchBrowser(options);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  }, 30_000);
  return {
    agent: () => {
      if (running === undefined) throw new Error('agent not started');
      return running;
    },
    chrome: () => {
      if (browser === undefined) throw new Error('browser not started');
      return browser;
    },
  };
}

/** A new page of the stack's Chromium, paired with the link the agent printed at start-up. */
export async function pairNewPage(stack: WebStack): Promise<Page> {
  let link: string | undefined;
  await waitFor(() => {
    link = pairingLinkIn(stack.agent().agent.stderr());
    return link !== undefined;
  }, 'the pairing notice on the agent stderr');
  const page = await stack.chrome().context.newPage();
  await pairWithLink(page, link as string);
  return page;
}
