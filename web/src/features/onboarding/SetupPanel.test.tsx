// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_ACK_PHRASE } from '@pt/protocol';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { SetupPanel } from './SetupPanel.js';
import { useOnboardingStore } from './onboarding.store.js';

const KEY_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useOnboardingStore.setState({
    credentials: null,
    environment: null,
    keyOutcome: null,
    switchOutcome: null,
  });
});
afterEach(cleanup);

describe('SetupPanel (fake agent client)', () => {
  it('imports a demo key from the id and the uploaded PEM file, then lists its fingerprint', async () => {
    render(<SetupPanel />);
    await screen.findByText('No Kalshi key stored yet.');
    expect(screen.getByLabelText<HTMLSelectElement>('Key for').value).toBe('demo');
    fireEvent.change(screen.getByLabelText('Key id'), { target: { value: KEY_ID } });
    expect(screen.getByText(/pt-agent keys import --env demo --key-id/).textContent).toContain(KEY_ID);
    const file = new File([PEM], 'kalshi-demo.pem', { type: 'application/x-pem-file' });
    fireEvent.change(screen.getByLabelText('Private key file (.pem)'), { target: { files: [file] } });
    await screen.findByText(/Read kalshi-demo.pem/);
    fireEvent.click(screen.getByRole('button', { name: 'Store key in the agent' }));
    await screen.findByTestId('key-outcome');
    expect(agent.keyImports).toEqual([{ environment: 'demo', keyId: KEY_ID, privateKeyPem: PEM }]);
    expect(screen.getByTestId('stored-keys').textContent).toContain(`demo: key ${KEY_ID}`);
  });

  it('refuses a key without a file before asking the agent', async () => {
    render(<SetupPanel />);
    fireEvent.change(await screen.findByLabelText('Key id'), { target: { value: KEY_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Store key in the agent' }));
    expect((await screen.findByRole('alert')).textContent).toContain('privateKeyPem');
    expect(agent.keyImports).toEqual([]);
  });

  it('goes live only with the liability accepted and the exact phrase typed', async () => {
    render(<SetupPanel />);
    const live = await screen.findByRole('button', { name: 'Switch to LIVE' });
    expect(live.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Type/), { target: { value: LIVE_ACK_PHRASE.toLowerCase() } });
    fireEvent.click(screen.getByLabelText(/I accept this liability/));
    expect(live.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Type/), { target: { value: LIVE_ACK_PHRASE } });
    expect(live.hasAttribute('disabled')).toBe(false);
    fireEvent.click(live);
    await screen.findByTestId('switch-outcome');
    expect(agent.switches).toEqual([
      {
        environment: 'live',
        acknowledgement: { phrase: LIVE_ACK_PHRASE, liabilityTextVersion: 1, acceptedLiability: true },
      },
    ]);
    expect(screen.getByTestId('switch-outcome').textContent).toContain('CONFLICT');
  });
});

describe('SetupPanel first paint', () => {
  afterEach(() => localStorage.clear());

  it('paints open at once when this browser last saw it open (no shift when the agent answers)', async () => {
    localStorage.setItem('pt.setup.isOpen', 'true');
    const { container } = render(<SetupPanel />);
    expect(container.querySelector('details')?.open).toBe(true);
    await screen.findByText('No Kalshi key stored yet.');
    expect(container.querySelector('details')?.open).toBe(true);
  });

  it('remembers what the agent decided for the next load', async () => {
    const { container } = render(<SetupPanel />);
    expect(container.querySelector('details')?.open).toBe(false);
    await waitFor(() => expect(container.querySelector('details')?.open).toBe(true));
    await waitFor(() => expect(localStorage.getItem('pt.setup.isOpen')).toBe('true'));
  });
});
