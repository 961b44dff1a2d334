/**
 * The Strategies panel in real Chromium against the REAL agent process and the REAL simulator:
 * pair through the page, enable Volatility Rider through the confirmation (which names SIM),
 * change a parameter, and read both back with `GET /v1/strategies/volatility-rider` from another
 * paired device; a negative window size shows the agent's own 422 on that field and changes
 * nothing; then disable it. Screenshots go to test-artifacts/web/.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StrategyStatus } from '@pt/protocol';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callAgent, pairDevice } from '../e2e/helpers.js';
import { pairNewPage, useWebStack } from './web-stack.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'web');

const stack = useWebStack({ artifacts: ARTIFACTS });
const { agent, chrome } = stack;

async function readRider(token: string): Promise<StrategyStatus> {
  const res = await callAgent(agent().origin, token, 'GET', '/v1/strategies/volatility-rider');
  expect(res.status).toBe(200);
  return StrategyStatus.parse(await res.json());
}

/** Presses the toggle, checks the confirmation names SIM, confirms; waits for the new state. */
async function toggle(page: Page, card: Locator, action: 'Enable' | 'Disable', after: string): Promise<void> {
  await card.getByRole('button', { name: `${action} Volatility Rider` }).click();
  const confirm = card.getByRole('group', { name: `Confirm: ${action.toLowerCase()} Volatility Rider` });
  await confirm.waitFor({ timeout: 10_000 });
  const button = confirm.getByRole('button', { name: `Confirm ${action.toLowerCase()} in SIM` });
  // The confirmation takes the focus: Enter confirms from the keyboard.
  await expect
    .poll(() => page.locator(':focus').textContent())
    .toBe(`Confirm ${action.toLowerCase()} in SIM`);
  await button.press('Enter');
  await card.getByTestId('strategy-state').filter({ hasText: after }).waitFor({ timeout: 10_000 });
}

describe('the Strategies panel in Chromium on the real agent', () => {
  it('enables Volatility Rider, changes a parameter, shows the agent’s 422 on its field, disables it', async () => {
    const page: Page = await pairNewPage(stack);
    // A second device reads the agent's state (a new pairing code: after the printed one is used).
    const { token } = await pairDevice(agent(), 'strategies e2e reader');

    const card = page.getByTestId('strategy-volatility-rider');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('strategy-state').textContent()).toBe('disabled');
    expect((await readRider(token)).isEnabled).toBe(false);

    // Enable: nothing is sent until the confirmation, which names the environment.
    await card.getByRole('button', { name: 'Enable Volatility Rider' }).click();
    expect(
      await card.getByRole('group', { name: 'Confirm: enable Volatility Rider' }).textContent(),
    ).toContain('real orders on its own in the SIM environment');
    await card.getByRole('button', { name: 'Cancel' }).click();
    expect((await readRider(token)).isEnabled).toBe(false);
    await toggle(page, card, 'Enable', 'ENABLED');
    expect((await readRider(token)).isEnabled).toBe(true);

    // A parameter: zThreshold 2.5 → 3.75 (the whole config is sent, other values unchanged).
    await card.locator('summary', { hasText: 'Parameters' }).click();
    const z = card.getByLabel('zThreshold', { exact: true });
    expect(await z.inputValue()).toBe('2.5');
    await z.fill('3.75');
    await card.getByRole('button', { name: 'Save parameters' }).click();
    await expect
      .poll(async () => (await readRider(token)).config['zThreshold'], { timeout: 10_000 })
      .toBe(3.75);
    const saved = await readRider(token);
    expect(saved).toMatchObject({ isEnabled: true, config: { windowSize: 20, minVolE4: 50 } });
    expect(saved.changedAtMs).not.toBeNull();

    // A bad value: the agent's own message, on the field it names.
    const windowSize = card.getByLabel('windowSize', { exact: true });
    await windowSize.fill('-5');
    await card.getByRole('button', { name: 'Save parameters' }).click();
    const error = card.locator('#strategy-volatility-rider-windowSize-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toMatch(/^config\.windowSize: Too small/);
    expect(await windowSize.getAttribute('aria-invalid')).toBe('true');
    expect((await readRider(token)).config['windowSize']).toBe(20);
    // The card's top with the field just below the sticky banner, the viewport as seen.
    await card.getByRole('button', { name: 'Disable Volatility Rider' }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(500); // the wheel scroll is painted asynchronously (screenshot only)
    await page.screenshot({ path: join(ARTIFACTS, 'strategies-panel-422.png') });
    await chrome().screenshot(page, 'strategies-panel-page');

    await toggle(page, card, 'Disable', 'disabled');
    expect(await readRider(token)).toMatchObject({ isEnabled: false, config: { zThreshold: 3.75 } });
    // The browser logs the refused request (HTTP 422); nothing else may have gone wrong.
    expect(chrome().problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  }, 120_000);
});
