import { DeviceId } from '@pt/protocol';
import type { AgentConfig } from '../config/schema.js';
import type { DevicesAction } from '../config/command-line.js';
import { controlRequest } from '../control/control-client.js';
import type { ControlDevice } from '../control/messages.js';
import { isAgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

const EXIT_USAGE = 2;

/** Device names come from browsers: never let one drive the terminal (escapes, bidi overrides). */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}

function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** A plain, aligned table: one header row, one row per device. */
export function formatDeviceTable(devices: readonly ControlDevice[]): string {
  if (devices.length === 0) return 'No paired devices.\n';
  const rows = [
    ['DEVICE ID', 'NAME', 'ORIGIN', 'PAIRED', 'LAST USED'],
    ...devices.map((d) => [
      d.deviceId,
      printable(d.name),
      printable(d.origin),
      when(d.createdAtMs),
      when(d.lastUsedAtMs),
    ]),
  ];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, col) => cell.padEnd(widths[col] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

/**
 * `pt-agent devices [list | revoke ID]` against the running agent (control socket). Exit 0; 1 when
 * the agent is not running or the device is unknown; 2 for an id that is not a device id at all.
 */
export async function runDevicesCommand(
  config: AgentConfig,
  action: DevicesAction,
  io: CliIo,
): Promise<number> {
  try {
    switch (action.kind) {
      case 'list': {
        const { devices } = await controlRequest(config.dataDir, { method: 'devices.list' });
        io.stdout(formatDeviceTable(devices));
        return 0;
      }
      case 'revoke': {
        const parsed = DeviceId.safeParse(action.deviceId);
        if (!parsed.success) {
          io.stderr(`pt-agent: deviceId: ${parsed.error.issues[0]?.message ?? 'invalid'}\n`);
          return EXIT_USAGE;
        }
        const revoked = await controlRequest(config.dataDir, {
          method: 'devices.revoke',
          params: { deviceId: parsed.data },
        });
        io.stdout(`Revoked ${revoked.deviceId} (${printable(revoked.name)}): its token no longer works.\n`);
        return 0;
      }
    }
  } catch (err) {
    if (!isAgentError(err)) throw err;
    io.stderr(`pt-agent: ${err.message}\n`);
    return 1;
  }
}
