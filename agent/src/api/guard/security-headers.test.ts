import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, buildContentSecurityPolicy, isApiPath } from './security-headers.js';

describe('buildContentSecurityPolicy', () => {
  it('allows only the agent itself, its WS stream and data: images', () => {
    const csp = buildContentSecurityPolicy(4100);
    const directives = new Map(
      csp.split('; ').map((d) => {
        const [name = '', ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4100']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe|\*|https:/);
  });
});

describe('applySecurityHeaders', () => {
  it('sets no-store on the API only', () => {
    const api = new Headers();
    applySecurityHeaders(api, { port: 4100, path: '/v1/status' });
    expect(api.get('cache-control')).toBe('no-store');
    expect(api.get('x-frame-options')).toBe('DENY');
    const page = new Headers();
    applySecurityHeaders(page, { port: 4100, path: '/index.html' });
    expect(page.get('cache-control')).toBeNull();
    expect(page.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('treats /v1 and /v1/… as the API, nothing else', () => {
    expect(isApiPath('/v1')).toBe(true);
    expect(isApiPath('/v1/health')).toBe(true);
    expect(isApiPath('/v10')).toBe(false);
    expect(isApiPath('/pair')).toBe(false);
  });
});
