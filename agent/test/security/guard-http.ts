import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  /** Sent verbatim as the Host header; `null` sends none (`setHost: false`). */
  readonly host: string | null;
  readonly headers?: Record<string, string>;
  /** Written in these chunks (chunked encoding unless a Content-Length header is given). */
  readonly chunks?: readonly (string | Buffer)[];
  /** Keep the request open after the chunks (an oversize upload still in flight). */
  readonly leaveOpen?: boolean;
}

/**
 * One request over a real loopback socket with `node:http`, the Host header exactly as given
 * (no URL-derived Host), so the server sees what a rebinding browser or a local tool would send.
 */
export function rawRequest(port: number, spec: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.host !== null) headers.host = spec.host;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: spec.method ?? 'GET',
        path: spec.path ?? '/',
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          });
          req.destroy();
        });
        res.on('error', reject);
      },
    );
    // A server that answers and closes mid-upload can reset the socket; the answer already came.
    req.on('error', (err) => reject(err));
    for (const chunk of spec.chunks ?? []) req.write(chunk);
    if (spec.leaveOpen !== true) req.end();
  });
}
