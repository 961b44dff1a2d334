import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { z } from 'zod';
import { WAL_AUTOCHECKPOINT_PAGES } from './db.js';

const CheckpointResult = z
  .array(z.object({ busy: z.number(), log: z.number(), checkpointed: z.number() }))
  .length(1);

export interface CheckpointOutcome {
  /** Frames in the WAL. */
  walFrames: number;
  /** Frames copied into the database file (now or earlier). */
  checkpointedFrames: number;
}

/**
 * SQLite also checkpoints after commits, but a checkpoint can only copy frames that no reader
 * still needs; readers that never pause hold it back and the WAL grows. A periodic PASSIVE
 * checkpoint (never waits for readers or writers, never blocks them) catches up once they pause,
 * and warns when readers keep a large part of the WAL from being copied.
 */
export function runPassiveCheckpoint(writer: Database, logger: Logger): CheckpointOutcome {
  const [result] = CheckpointResult.parse(writer.pragma('wal_checkpoint(PASSIVE)'));
  const outcome = { walFrames: result?.log ?? 0, checkpointedFrames: result?.checkpointed ?? 0 };
  const behindFrames = outcome.walFrames - outcome.checkpointedFrames;
  if (behindFrames > 2 * WAL_AUTOCHECKPOINT_PAGES) {
    logger.warn({ ...outcome, behindFrames }, 'WAL checkpoint held back by long-running readers');
  } else {
    logger.debug(outcome, 'WAL checkpoint (passive)');
  }
  return outcome;
}
