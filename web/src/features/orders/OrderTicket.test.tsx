// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Order } from '@pt/protocol';
import orderList from '../../../../protocol/src/fixtures/rest-order-list.json';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent, refusal } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { OrderTicket } from './OrderTicket.js';
import { useOrdersStore } from './orders.store.js';

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useOrdersStore.setState({ byKey: {}, ticketOutcome: null, isPlacing: false });
});
afterEach(cleanup);

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('OrderTicket (fake agent client)', () => {
  it('sends fixed-point values with the fat-finger override after review, and shows a denial with its rule', async () => {
    agent.placeAnswer = refusal({
      code: 'RISK_DENIED',
      message: 'too far',
      details: { rule: 'FAT_FINGER', detail: 'The limit $0.99 is $0.66 from the mid $0.33' },
    });
    render(<OrderTicket />);
    fill('Market ticker', 'kxhighny-25dec27-b29.5');
    fill('Limit price ($)', '0.99');
    fill('Contracts', '2.5');
    fill('Max slippage from mid ($, fat-finger guard)', '0.01');
    fireEvent.click(screen.getByRole('button', { name: 'Review order' }));
    expect(screen.getByTestId('order-review').textContent).toBe(
      'Buy 2.50 YES of KXHIGHNY-25DEC27-B29.5 at $0.9900 (max slippage $0.0100)',
    );
    expect(agent.placed).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Denied by FAT_FINGER: The limit $0.99 is $0.66 from the mid $0.33');
    expect(agent.placed).toHaveLength(1);
    expect(agent.placed[0]).toMatchObject({
      ticker: 'KXHIGHNY-25DEC27-B29.5',
      priceE4: 9900,
      countE2: 250,
      maxSlippageE4: 100,
    });
    expect(agent.placed[0]?.clientOrderId).toMatch(/^web-[0-9a-f-]{36}$/);
  });

  it('names the bad field and sends nothing', () => {
    render(<OrderTicket />);
    fill('Market ticker', 'KXHIGHNY-25DEC27-B29.5');
    fill('Limit price ($)', '1.5');
    fireEvent.click(screen.getByRole('button', { name: 'Review order' }));
    expect(screen.getByRole('alert').textContent).toContain('Limit price');
    expect(screen.queryByRole('button', { name: 'Place order' })).toBeNull();
  });

  it('lists a placed order in the store', async () => {
    const order = Order.parse(orderList.message.orders[0]);
    agent.placeAnswer = { ok: true, data: { order } };
    render(<OrderTicket />);
    fill('Market ticker', order.ticker);
    fill('Limit price ($)', '0.21');
    fireEvent.click(screen.getByRole('button', { name: 'Review order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() =>
      expect(screen.getByTestId('ticket-outcome').textContent).toContain(`Order ${order.status}`),
    );
    expect(Object.values(useOrdersStore.getState().byKey)).toEqual([order]);
  });
});
