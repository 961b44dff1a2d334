// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairResponse } from '@pt/protocol';
import type { CommandResult } from '../../agent-client/index.js';
import { refusal } from '../../test/fake-agent.js';
import { PairingPage } from './PairingPage.js';

afterEach(cleanup);

describe('PairingPage', () => {
  it('pre-fills the code from the link and shows the agent’s refusal', async () => {
    const calls: [string, string][] = [];
    const onPair = (code: string, name: string): Promise<CommandResult<PairResponse>> => {
      calls.push([code, name]);
      return Promise.resolve(
        refusal({ code: 'UNAUTHORIZED', message: 'code: wrong pairing code (4 attempts left)', status: 401 }),
      );
    };
    render(<PairingPage initialCode="RJWK-RW6J" notice={null} onPair={onPair} />);
    expect(screen.getByLabelText<HTMLInputElement>('Pairing code').value).toBe('RJWK-RW6J');
    fireEvent.change(screen.getByLabelText('Device name'), { target: { value: '  desk  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pair' }));
    expect((await screen.findByRole('alert')).textContent).toBe('code: wrong pairing code (4 attempts left)');
    expect(calls).toEqual([['RJWK-RW6J', 'desk']]);
  });
});
