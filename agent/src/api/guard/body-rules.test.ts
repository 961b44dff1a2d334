import { describe, expect, it } from 'vitest';
import { declaredBody, isJsonContentType } from './body-rules.js';

describe('isJsonContentType', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'application/json; charset="utf-8"',
  ])('accepts %j', (value) => {
    expect(isJsonContentType(value)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json-patch+json',
    'application/jsonx',
    'application/json; charset=latin1',
    'application/json; boundary=x',
    'application/json; charset',
    'text/json',
  ])('refuses %j', (value) => {
    expect(isJsonContentType(value)).toBe(false);
  });
});

describe('declaredBody', () => {
  const headers = (init: Record<string, string>): Headers => new Headers(init);

  it('reads the framing headers', () => {
    expect(declaredBody(headers({}))).toEqual({ kind: 'none' });
    expect(declaredBody(headers({ 'content-length': '0' }))).toEqual({ kind: 'none' });
    expect(declaredBody(headers({ 'content-length': '12' }))).toEqual({ kind: 'sized', bytes: 12 });
    expect(declaredBody(headers({ 'transfer-encoding': 'chunked' }))).toEqual({ kind: 'streamed' });
  });

  it('calls a Content-Length that is not a plain decimal invalid', () => {
    for (const value of ['-1', '1e3', '0x10', 'abc', '9999999999999999999']) {
      expect(declaredBody(headers({ 'content-length': value })), value).toEqual({ kind: 'invalid' });
    }
  });
});
