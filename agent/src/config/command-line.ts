import { parseArgs } from 'node:util';
import { AgentError } from '../lib/errors.js';

export const Command = {
  Run: 'run',
  Diagnostics: 'diagnostics',
  Pair: 'pair',
  Devices: 'devices',
  Keys: 'keys',
} as const;
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
  /** The sentiment service (`npm start` passes its ready line's url) and a file holding its API key. */
  vibeUrl?: string;
  vibeKeyFile?: string;
  simWs?: string;
  /** `--no-tray`: run headless even when a display and a tray host exist. */
  noTray?: boolean;
}

/** `devices list` (default) or `devices revoke DEVICE_ID`. */
export type DevicesAction = { kind: 'list' } | { kind: 'revoke'; deviceId: string };

/**
 * `keys list` (default), `keys import --env demo|live --key-id ID --pem FILE`, `keys delete --env
 * demo|live`. Values stay raw strings; the keys command validates them and names the flag.
 */
export type KeysAction =
  | { kind: 'list' }
  | { kind: 'import'; env?: string; keyId?: string; pemFile?: string }
  | { kind: 'delete'; env?: string };

export type CommandLine =
  | { command: typeof Command.Run; flags: ConfigFlags }
  /** `diagnostics --out FILE`. */
  | { command: typeof Command.Diagnostics; flags: ConfigFlags; outFile?: string }
  /** Ask the running agent for a fresh pairing code and print the pairing URL. */
  | { command: typeof Command.Pair; flags: ConfigFlags }
  | { command: typeof Command.Devices; flags: ConfigFlags; action: DevicesAction }
  | { command: typeof Command.Keys; flags: ConfigFlags; action: KeysAction };

const OPTIONS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  env: { type: 'string' },
  'log-level': { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  'key-id': { type: 'string' },
  pem: { type: 'string' },
  'sim-rest': { type: 'string' },
  'vibe-url': { type: 'string' },
  'vibe-key-file': { type: 'string' },
  'sim-ws': { type: 'string' },
  'no-tray': { type: 'boolean' },
} as const;

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['diagnostics', Command.Diagnostics],
  ['pair', Command.Pair],
  ['devices', Command.Devices],
  ['keys', Command.Keys],
]);

export const USAGE = [
  'usage: pt-agent [--port N] [--data-dir DIR] [--env sim|demo|live] [--log-level LEVEL] [--config FILE]',
  '                [--sim-rest URL --sim-ws URL] [--vibe-url URL --vibe-key-file FILE] [--no-tray]',
  '       pt-agent diagnostics [--out FILE] [same flags]',
  '       pt-agent pair [--data-dir DIR]            print a fresh pairing URL of the running agent',
  '       pt-agent devices [list | revoke DEVICE_ID] [--data-dir DIR]',
  '       pt-agent keys [list | import --env demo|live --key-id ID --pem FILE | delete --env demo|live]',
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
  const [word, ...rest] = positionals;
  const command = word === undefined ? Command.Run : COMMANDS.get(word);
  if (command === undefined) throw invalid(`unknown command '${word ?? ''}'`, 'command');
  const flagOnly = (name: 'out' | 'key-id' | 'pem', allowed: boolean): void => {
    if (values[name] !== undefined && !allowed) throw invalid(`--${name} is not valid here`, `--${name}`);
  };
  const isKeysImport = command === Command.Keys && rest[0] === 'import';
  flagOnly('out', command === Command.Diagnostics);
  flagOnly('key-id', isKeysImport);
  flagOnly('pem', isKeysImport);
  const flags: ConfigFlags = {};
  if (values.port !== undefined) flags.port = values.port;
  if (values['data-dir'] !== undefined) flags.dataDir = values['data-dir'];
  if (values.env !== undefined) flags.env = values.env;
  if (values['log-level'] !== undefined) flags.logLevel = values['log-level'];
  if (values.config !== undefined) flags.config = values.config;
  if (values['sim-rest'] !== undefined) flags.simRest = values['sim-rest'];
  if (values['vibe-url'] !== undefined) flags.vibeUrl = values['vibe-url'];
  if (values['vibe-key-file'] !== undefined) flags.vibeKeyFile = values['vibe-key-file'];
  if (values['sim-ws'] !== undefined) flags.simWs = values['sim-ws'];
  if (values['no-tray'] === true) flags.noTray = true;
  const noMoreWords = (words: readonly string[]): void => {
    if (words.length > 0) throw invalid(`unexpected argument '${words.join(' ')}'`, 'command');
  };
  switch (command) {
    case Command.Run:
    case Command.Pair:
      noMoreWords(rest);
      return { command, flags };
    case Command.Diagnostics:
      noMoreWords(rest);
      return { command, flags, ...(values.out === undefined ? {} : { outFile: values.out }) };
    case Command.Devices:
      return { command, flags, action: devicesAction(rest) };
    case Command.Keys: {
      const [verb, ...extra] = rest;
      noMoreWords(extra);
      // For keys, --env names the key's environment (demo or live), checked by the keys command.
      const keyEnv = values.env === undefined ? {} : { env: values.env };
      if (verb === undefined || verb === 'list') return { command, flags, action: { kind: 'list' } };
      if (verb === 'delete') return { command, flags, action: { kind: 'delete', ...keyEnv } };
      if (verb === 'import') {
        return {
          command,
          flags,
          action: {
            kind: 'import',
            ...keyEnv,
            ...(values['key-id'] === undefined ? {} : { keyId: values['key-id'] }),
            ...(values.pem === undefined ? {} : { pemFile: values.pem }),
          },
        };
      }
      throw invalid(`unknown keys action '${verb}' (expected list, import or delete)`, 'command');
    }
  }
}

function devicesAction(words: readonly string[]): DevicesAction {
  const [verb, id, ...extra] = words;
  if (verb === undefined || (verb === 'list' && id === undefined)) return { kind: 'list' };
  if (verb === 'revoke') {
    if (id === undefined) throw invalid('devices revoke needs a DEVICE_ID', 'deviceId');
    if (extra.length === 0) return { kind: 'revoke', deviceId: id };
  }
  throw invalid(`unexpected argument '${words.join(' ')}' (expected list or revoke DEVICE_ID)`, 'command');
}
