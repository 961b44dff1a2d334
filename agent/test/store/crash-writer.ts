/**
 * Child process for crash.test.ts: appends ledger events as fast as it can, with many appends in
 * flight, and prints `ack <group>` on stdout the moment each append is acknowledged. The parent
 * SIGKILLs it mid-stream. Stdout to a pipe is synchronous on Linux, so a printed ack was written
 * before the kill.
 *
 * Usage: node --import tsx crash-writer.ts <dataDir>
 */
import { pino } from 'pino';
import { openStore } from '../../src/store/index.js';

const EVENTS_PER_GROUP = 5; // crash.test.ts relies on this value
const IN_FLIGHT = 32;
const MAX_GROUPS = 2_000_000;

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: crash-writer.ts <dataDir>');

const store = openStore({ dataDir, environment: 'sim', logger: pino({ level: 'silent' }) });
let nextGroup = 0;

function submit(): void {
  if (nextGroup >= MAX_GROUPS) return;
  const group = nextGroup;
  nextGroup += 1;
  const events = Array.from({ length: EVENTS_PER_GROUP }, (_, j) => ({
    source: 'crash.test',
    sourceEventId: `g${group}-${j}`,
    kind: 'order.intent',
    payload: { group, seq: group * EVENTS_PER_GROUP + j },
  }));
  store.ledger.append(events).then(
    () => {
      process.stdout.write(`ack ${group}\n`);
      submit();
    },
    (err: unknown) => {
      process.stderr.write(`append failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
}

for (let i = 0; i < IN_FLIGHT; i += 1) submit();
process.stdout.write('started\n');
