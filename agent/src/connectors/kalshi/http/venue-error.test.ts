import { describe, expect, it } from 'vitest';
import { readVenueError } from './venue-error.js';

describe('readVenueError', () => {
  it('reads the documented wrapped error first', () => {
    const body = { error: { code: 'invalid_order', message: 'invalid order', details: 'post only cross' } };
    expect(readVenueError(body)).toEqual({
      code: 'invalid_order',
      message: 'invalid order',
      details: 'post only cross',
    });
  });

  it('falls back to a top-level code (unparseable request body)', () => {
    const body = { code: 'bad_request', message: 'bad request', details: 'invalid character' };
    expect(readVenueError(body)?.code).toBe('bad_request');
  });

  it('reads the 429 string body', () => {
    expect(readVenueError({ error: 'too many requests' })).toEqual({
      code: 'too_many_requests',
      message: 'too many requests',
      details: undefined,
    });
  });

  it('reads the observed 401 body', () => {
    const body = {
      error: {
        code: 'authentication_error',
        message: 'authentication_error',
        details: 'rpc error: code = Unauthenticated desc = INCORRECT_API_KEY_SIGNATURE',
      },
    };
    expect(readVenueError(body)?.code).toBe('authentication_error');
  });

  it('gives undefined for bodies without a code', () => {
    expect(readVenueError(undefined)).toBeUndefined();
    expect(readVenueError('oops')).toBeUndefined();
    expect(readVenueError({ error: { message: 'no code' } })).toBeUndefined();
    expect(readVenueError([])).toBeUndefined();
  });
});
