/**
 * @module
 * Whether to try a tray at all: not with `--no-tray`, not on Linux/BSD without a display
 * (`DISPLAY` or `WAYLAND_DISPLAY`). macOS and Windows always have a tray host. Whether a host
 * really answers is only known by starting the helper, which the adapter times out.
 */
export interface TrayDetectInput {
  noTray: boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** Null when a tray should be tried, else why the agent runs headless. */
export function headlessReason(input: TrayDetectInput): string | null {
  if (input.noTray) return '--no-tray';
  if (input.platform === 'darwin' || input.platform === 'win32') return null;
  const hasDisplay = (input.env['DISPLAY'] ?? '') !== '' || (input.env['WAYLAND_DISPLAY'] ?? '') !== '';
  return hasDisplay ? null : 'no display (DISPLAY / WAYLAND_DISPLAY unset)';
}
