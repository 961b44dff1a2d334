/**
 * A throwaway X display for the tray test: Xvfb on a free display number with trayer (an XEmbed
 * tray host) docked top-right, plus the xdotool / ImageMagick calls the test drives it with.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export interface XDisplay {
  display: string;
  run(command: string, args: readonly string[]): string;
  /** Viewable windows whose name (or class) is exactly this, with their root geometry. */
  windows(name: string, by?: 'name' | 'class'): { x: number; y: number; width: number; height: number }[];
  close(): void;
}

async function until(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const endMs = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > endMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const TRAYER_ARGS = [
  '--edge',
  'top',
  '--align',
  'right',
  '--widthtype',
  'request',
  '--height',
  '32',
  '--SetDockType',
  'true',
  '--transparent',
  'false',
  '--tint',
  '0x333333',
];

export async function startXDisplay(): Promise<XDisplay> {
  // Xvfb picks a free display itself and writes its number to fd 3 (no collision with other runs).
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '800x600x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const children: ChildProcess[] = [xvfb];
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const fd = xvfb.stdio[3] as Readable;
    fd.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before choosing a display`)));
    setTimeout(() => reject(new Error('Xvfb chose no display within 15 s')), 15_000).unref();
  });
  const env = { ...process.env, DISPLAY: display };
  const run = (command: string, args: readonly string[]): string =>
    execFileSync(command, [...args], { env, encoding: 'utf8', timeout: 10_000 });
  const close = (): void => {
    for (const child of children.reverse()) child.kill('SIGTERM');
  };
  try {
    return await setUp();
  } catch (err) {
    close(); // a display that never came up is not left behind
    throw err;
  }

  async function setUp(): Promise<XDisplay> {
    // The socket appears before Xvfb accepts clients; a client started too early just exits.
    await until(() => {
      try {
        run('xdotool', ['getdisplaygeometry']);
        return true;
      } catch {
        return false;
      }
    }, 'Xvfb');
    const startTrayer = (): ChildProcess => {
      const trayer = spawn('trayer', TRAYER_ARGS, { env, stdio: 'ignore' });
      children.push(trayer);
      return trayer;
    };
    // Viewable windows only (a closed GTK menu stays in the tree, unmapped).
    const windows = (
      name: string,
      by: 'name' | 'class' = 'name',
    ): { x: number; y: number; width: number; height: number }[] => {
      let ids: string[];
      try {
        ids = run('xdotool', ['search', '--onlyvisible', `--${by}`, `^${name}$`])
          .split('\n')
          .filter(Boolean);
      } catch {
        return []; // xdotool exits 1 when nothing matches
      }
      return ids.flatMap((id) => {
        let shell: string;
        try {
          shell = run('xdotool', ['getwindowgeometry', '--shell', id]);
        } catch {
          return []; // the window went away between search and query
        }
        const get = (key: string): number =>
          Number(new RegExp(`^${key}=(-?\\d+)$`, 'm').exec(shell)?.[1] ?? NaN);
        return [{ x: get('X'), y: get('Y'), width: get('WIDTH'), height: get('HEIGHT') }];
      });
    };
    // trayer sometimes dies on a fresh display (an X error while it starts): try it again.
    for (let attempt = 1; ; attempt += 1) {
      const trayer = startTrayer();
      try {
        await until(() => windows('panel').length > 0, 'trayer', 10_000);
        break;
      } catch (err) {
        trayer.kill('SIGKILL');
        if (attempt === 3) throw err;
      }
    }
    return { display, run, windows, close };
  }
}
