/**
 * @module
 * Opens a URL or a folder with the desktop's default handler: `xdg-open` (Linux), `open` (macOS),
 * `explorer` (Windows; it hands URLs to the default browser). No shell: the target is one argument.
 */
import { spawn } from 'node:child_process';

export function openerFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer.exe';
  return 'xdg-open';
}

/** Fire and forget; resolves false when the opener cannot be started (none installed). */
export function openTarget(target: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(openerFor(platform), [target], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
