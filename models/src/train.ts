/**
 * `npm run train -- <model> [--seed N] [--data DIR]`: the training entry point. Models:
 * `sentiment` (the vibe classifier), `signal` (the strategies' P(up) model). Progress goes to stderr; a JSON summary line to stdout.
 */
import { parseArgs } from 'node:util';
import { runSentimentPipeline } from './sentiment/pipeline.js';
import { runSignalPipeline } from './signal/pipeline.js';

const USAGE = 'usage: npm run train -- sentiment|signal [--seed N] [--data DIR]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string' }, data: { type: 'string' } },
  });
  const [model] = positionals;
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new Error(`--seed must be an integer\n${USAGE}`);
  if (model !== 'sentiment' && model !== 'signal')
    throw new Error(`unknown model ${model ?? '(none)'}\n${USAGE}`);
  const run = model === 'signal' ? runSignalPipeline : runSentimentPipeline;
  const { entry, table } = await run({
    ...(seed === undefined ? {} : { seed }),
    ...(values.data === undefined ? {} : { dataDir: values.data }),
  });
  process.stderr.write(`\n${table}\n\n`);
  process.stdout.write(
    `${JSON.stringify({ event: 'trained', model: entry.name, version: entry.version, sha256: entry.sha256, file: entry.file })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
