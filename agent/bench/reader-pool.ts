import { Worker } from 'node:worker_threads';

const READER_WORKER_URL = new URL('./ledger-reader.worker.ts', import.meta.url).href;

export interface ReaderReport {
  reads: number;
  busy: number;
}

export interface RunningReader {
  stop(): Promise<ReaderReport>;
}

/**
 * Starts a ledger reader in a worker thread, on its own read-only connection to `file`, running
 * its query set every `pauseMs` ms (0: back to back, a whole core's worth of reading).
 */
export function startReader(file: string, pauseMs: number): Promise<RunningReader> {
  // Node 20 does not run a worker's TypeScript entry through the parent's `--import tsx` hooks, so
  // a one-line JS bootstrap registers tsx in the worker first, then imports the real worker module.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(READER_WORKER_URL)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { file, pauseMs } });
  // Messages: 'ready' once the connection is open and queries run, then the report after 'stop'.
  const report = new Promise<ReaderReport>((resolve, reject) => {
    worker.on('message', (msg: unknown) => {
      if (msg !== 'ready') resolve(msg as ReaderReport);
    });
    worker.once('error', reject);
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (msg: unknown) => {
      if (msg !== 'ready') return;
      resolve({
        stop: async () => {
          worker.postMessage('stop');
          const result = await report;
          await worker.terminate();
          return result;
        },
      });
    });
    worker.once('error', reject);
  });
}
