import type { Logger } from 'pino';
import type { ContractMonitor } from '../contract/contract-monitor.js';

/**
 * Reports fields the venue sends that our schemas do not know, once per field (the monitor keeps
 * the set), so a new venue field is visible without being an outage.
 */
export function reportUnknownKeys(
  contract: ContractMonitor,
  logger: Logger,
  where: string,
  msg: unknown,
  known: ReadonlySet<string>,
): void {
  if (typeof msg !== 'object' || msg === null) return;
  for (const key of Object.keys(msg)) {
    if (known.has(key)) continue;
    if (contract.reportUnknownField('ws', where, `msg.${key}`)) {
      logger.warn({ where, field: `msg.${key}` }, 'unknown field from the venue (reported once)');
    }
  }
}
