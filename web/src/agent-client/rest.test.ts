/** The REST client against a fake fetch (the unit under test is the client; the real agent is in e2e). */
import { describe, expect, it } from 'vitest';
import orderList from '../../../protocol/src/fixtures/rest-order-list.json';
import { AgentRequestError, denialOf } from './errors.js';
import { createRestClient } from './rest.js';

const TOKEN = 'b'.repeat(43);

function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    return Promise.resolve(answer(url, init));
  };
  return { calls, fetchFn: fetchFn };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createRestClient', () => {
  it('sends the token as a bearer header and parses the answer with the protocol schema', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(orderList.message));
    const client = createRestClient({ baseUrl: 'http://127.0.0.1:4100', token: () => TOKEN, fetch: fetchFn });
    const list = await client.orders();
    expect(list.orders.length).toBe(orderList.message.orders.length);
    expect(calls[0]?.url).toBe('http://127.0.0.1:4100/v1/orders');
    expect(calls[0]?.url).not.toContain(TOKEN);
    expect((calls[0]?.init.headers as Record<string, string>)['Authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('throws AgentRequestError naming the field when a query answer is off-schema', async () => {
    const { fetchFn } = fakeFetch(() => json({ orders: [{ ticker: 'X' }] }));
    const client = createRestClient({ baseUrl: '', token: () => TOKEN, fetch: fetchFn });
    const error = await client.orders().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AgentRequestError);
    expect((error as AgentRequestError).error.code).toBe('BAD_RESPONSE');
    expect((error as AgentRequestError).message).toContain('orders[0].orderId');
  });

  it('returns a denial as a value with its rule and detail', async () => {
    const body = {
      code: 'RISK_DENIED',
      message: 'limit 0.9900 is 0.9400 from the mid',
      details: { rule: 'FAT_FINGER', detail: 'limit 0.9900 is 0.9400 from the mid 0.0500' },
      retryable: false,
    };
    const { calls, fetchFn } = fakeFetch(() => json(body, 422));
    const client = createRestClient({ baseUrl: '', token: () => TOKEN, fetch: fetchFn });
    const result = await client.placeOrder({
      ticker: 'KXHIGHNY-25NOV25-B58.5' as never,
      side: 'bid',
      priceE4: 9900 as never,
      countE2: 100 as never,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 100,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'RISK_DENIED', status: 422 });
    expect(denialOf(result.error)).toEqual({ rule: 'FAT_FINGER', detail: body.details.detail });
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(calls[0]?.init.body as string)).toMatchObject({ priceE4: 9900, maxSlippageE4: 100 });
  });

  it('calls onUnauthorized on a 401 and reports an unreachable agent as a value', async () => {
    let unauthorized = 0;
    const refused = fakeFetch(() =>
      json({ code: 'UNAUTHORIZED', message: 'token revoked: pair again', retryable: false }, 401),
    );
    const client = createRestClient({
      baseUrl: '',
      token: () => TOKEN,
      fetch: refused.fetchFn,
      onUnauthorized: () => (unauthorized += 1),
    });
    await expect(client.status()).rejects.toThrow('token revoked');
    expect(unauthorized).toBe(1);

    const down = createRestClient({
      baseUrl: '',
      token: () => null,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const result = await down.cancelAll();
    expect(result).toMatchObject({ ok: false, error: { code: 'AGENT_UNREACHABLE', status: null } });
  });

  it('builds the activity query from filters', async () => {
    const { calls, fetchFn } = fakeFetch(() => json({ events: [], nextCursor: null }));
    const client = createRestClient({ baseUrl: '', token: () => TOKEN, fetch: fetchFn });
    await client.activity({ kinds: ['order', 'risk'], cursor: 'abc_1', limit: 50 });
    expect(calls[0]?.url).toBe('/v1/activity?kind=order%2Crisk&cursor=abc_1&limit=50');
  });
});
