import { parseArgs } from 'node:util';
import { AgentError } from '../lib/errors.js';

export const Command = { Run: 'run', Diagnostics: 'diagnostics' } as const;
export type Command = (typeof Command)[keyof typeof Command];

/** Raw flag values, still strings: validation (and the error naming the flag) happens in load-config. */
export interface ConfigFlags {
  port?: string;
  dataDir?: string;
  env?: string;
  logLevel?: string;
  config?: string;
  /** The simulator's REST base URL and WS URL (its ready line's `rest` and `ws`), for `--env sim`. */
  simRest?: string;
  simWs?: string;
}

export interface CommandLine {
  command: Command;
  flags: ConfigFlags;
  /** `diagnostics --out FILE`. */
  outFile?: string;
}

const OPTIONS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  env: { type: 'string' },
  'log-level': { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  'sim-rest': { type: 'string' },
  'sim-ws': { type: 'string' },
} as const;

const COMMANDS: ReadonlyMap<string, Command> = new Map([['diagnostics', Command.Diagnostics]]);

export const USAGE = [
  'usage: pt-agent [--port N] [--data-dir DIR] [--env sim|demo|live] [--log-level LEVEL] [--config FILE]',
  '                [--sim-rest URL --sim-ws URL]',
  '       pt-agent diagnostics [--out FILE] [same flags]',
].join('\n');

function invalid(message: string, field: string): AgentError {
  return new AgentError('CONFIG_INVALID', `${message}\n${USAGE}`, {}, { field });
}

/** Parse argv (without node and the script). Unknown flags and stray words are errors, never ignored. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's messages go on to explain positional arguments; the first sentence is the useful part.
    const message = (err instanceof Error ? err.message : String(err)).split('. ')[0] ?? '';
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'argv';
    throw invalid(`invalid command line: ${message}`, flag);
  }
  const { values, positionals } = parsed;
  const [word, ...extra] = positionals;
  const command = word === undefined ? Command.Run : COMMANDS.get(word);
  if (command === undefined) throw invalid(`unknown command '${word ?? ''}'`, 'command');
  if (extra.length > 0) throw invalid(`unexpected argument '${extra.join(' ')}'`, 'command');
  if (values.out !== undefined && command !== Command.Diagnostics) {
    throw invalid("--out is only valid with 'diagnostics'", '--out');
  }
  const flags: ConfigFlags = {};
  if (values.port !== undefined) flags.port = values.port;
  if (values['data-dir'] !== undefined) flags.dataDir = values['data-dir'];
  if (values.env !== undefined) flags.env = values.env;
  if (values['log-level'] !== undefined) flags.logLevel = values['log-level'];
  if (values.config !== undefined) flags.config = values.config;
  if (values['sim-rest'] !== undefined) flags.simRest = values['sim-rest'];
  if (values['sim-ws'] !== undefined) flags.simWs = values['sim-ws'];
  return { command, flags, ...(values.out === undefined ? {} : { outFile: values.out }) };
}
