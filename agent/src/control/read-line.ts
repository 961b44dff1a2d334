import type { Socket } from 'node:net';
import { AgentError } from '../lib/errors.js';

/**
 * The first newline-terminated line on a socket (or everything up to its end), as UTF-8 without
 * the newline. Refuses more than `maxBytes` before the newline: a peer cannot make us buffer
 * without bound.
 */
export function readLine(socket: Socket, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('close', onEnd);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      const newline = chunk.indexOf(0x0a);
      const part = newline === -1 ? chunk : chunk.subarray(0, newline);
      size += part.length;
      if (size > maxBytes) {
        settle(() =>
          reject(
            new AgentError(
              'PAYLOAD_TOO_LARGE',
              `(root): line longer than ${maxBytes} bytes`,
              {},
              {
                field: '(root)',
              },
            ),
          ),
        );
        return;
      }
      chunks.push(part);
      if (newline !== -1) settle(() => resolve(Buffer.concat(chunks).toString('utf8')));
    };
    const onEnd = (): void => {
      settle(() =>
        size === 0
          ? reject(
              new AgentError(
                'BAD_REQUEST',
                '(root): connection closed before a line',
                {},
                { field: '(root)' },
              ),
            )
          : resolve(Buffer.concat(chunks).toString('utf8')),
      );
    };
    const onError = (err: Error): void => settle(() => reject(err));
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
  });
}
