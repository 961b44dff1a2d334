import { readFile, stat } from 'node:fs/promises';
import { KeyedEnvironment, MAX_PEM_CHARS } from '@pt/protocol';
import type { StoredCredentials } from '@pt/protocol';
import type { AgentConfig } from '../config/schema.js';
import type { KeysAction } from '../config/command-line.js';
import { openKeychainCredentialsStore } from '../keychain/index.js';
import type { CredentialsStore } from '../keychain/index.js';
import { isAgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

export interface KeysCommandDeps {
  /** Default: the OS keychain store of `config.dataDir`. */
  store?: CredentialsStore;
  /** `--pem -`: default reads all of process.stdin. */
  readStdin?: () => Promise<string>;
}

const IMPORT_USAGE = 'pt-agent keys import --env demo|live --key-id ID --pem FILE (or --pem - for stdin)';
/** The store's field names as the user typed them. */
const FLAG_BY_FIELD: Readonly<Record<string, string>> = {
  environment: '--env',
  keyId: '--key-id',
  privateKeyPem: '--pem',
};

/** A bad flag: names it, exit 2. */
class UsageError extends Error {}

function keyEnvironment(value: string | undefined): KeyedEnvironment {
  if (value === undefined) throw new UsageError('--env demo|live is required');
  const parsed = KeyedEnvironment.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`--env: expected demo or live (only these take Kalshi keys), got '${value}'`);
  return parsed.data;
}

async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

async function readPem(pemFile: string | undefined, deps: KeysCommandDeps): Promise<string> {
  if (pemFile === undefined) throw new UsageError('--pem FILE is required (--pem - reads stdin)');
  if (pemFile === '-') return (deps.readStdin ?? readStdinText)();
  try {
    // A private key PEM is a few KiB: refuse to read a big file whole (and never echo its content).
    if ((await stat(pemFile)).size > MAX_PEM_CHARS * 4)
      throw new UsageError(`--pem: ${pemFile} is too large for a private key`);
    return await readFile(pemFile, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`--pem: cannot read ${pemFile} (${code})`);
  }
}

function describe(credentials: StoredCredentials): string {
  const storedAt = new Date(credentials.storedAtMs).toISOString();
  return `${credentials.environment}  key id ${credentials.keyId}  ${credentials.fingerprint}  RSA ${credentials.keyBits}  imported ${storedAt}`;
}

async function importKey(
  action: Extract<KeysAction, { kind: 'import' }>,
  store: CredentialsStore,
  io: CliIo,
  deps: KeysCommandDeps,
): Promise<number> {
  const environment = keyEnvironment(action.env);
  if (action.keyId === undefined) throw new UsageError('--key-id ID is required (the key id Kalshi shows)');
  const privateKeyPem = await readPem(action.pemFile, deps);
  const stored = await store.put({ environment, keyId: action.keyId, privateKeyPem });
  io.stdout(`stored the ${environment} Kalshi key in the OS keychain\n`);
  io.stdout(
    `  key id       ${stored.keyId}\n  fingerprint  ${stored.fingerprint}\n  size         RSA ${stored.keyBits}\n`,
  );
  if (action.pemFile !== undefined && action.pemFile !== '-') {
    io.stdout(`The agent no longer needs ${action.pemFile}: you can now delete it.\n`);
  }
  return EXIT_OK;
}

async function listKeys(store: CredentialsStore, io: CliIo): Promise<number> {
  const overview = await store.overview();
  if (!overview.keychain.available) {
    io.stderr(`pt-agent keys: ${overview.keychain.detail}\n`);
    return EXIT_FAILURE;
  }
  io.stdout(`${overview.keychain.detail}\n`);
  if (overview.credentials.length === 0)
    io.stdout(`no Kalshi keys stored; import one with: ${IMPORT_USAGE}\n`);
  for (const credentials of overview.credentials) io.stdout(`${describe(credentials)}\n`);
  return EXIT_OK;
}

async function deleteKey(env: string | undefined, store: CredentialsStore, io: CliIo): Promise<number> {
  const environment = keyEnvironment(env);
  if (await store.delete(environment)) {
    io.stdout(`deleted the ${environment} Kalshi key from the OS keychain\n`);
    return EXIT_OK;
  }
  io.stderr(`pt-agent keys: no ${environment} key in the OS keychain\n`);
  return EXIT_FAILURE;
}

/**
 * `pt-agent keys [list | import | delete]`: Kalshi keys in the OS keychain of this data dir. Prints
 * key ids and fingerprints only, never the key. Bad flags exit 2 naming the flag; no usable
 * keychain exits 1 with how to enable one (nothing is written anywhere else).
 */
export async function runKeysCommand(
  config: AgentConfig,
  action: KeysAction,
  io: CliIo,
  deps: KeysCommandDeps = {},
): Promise<number> {
  const store = deps.store ?? openKeychainCredentialsStore(config.dataDir);
  try {
    switch (action.kind) {
      case 'list':
        return await listKeys(store, io);
      case 'import':
        return await importKey(action, store, io, deps);
      case 'delete':
        return await deleteKey(action.env, store, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`pt-agent keys: ${err.message}\nusage: ${IMPORT_USAGE}\n`);
      return EXIT_USAGE;
    }
    if (isAgentError(err) && err.code === 'VALIDATION_FAILED') {
      const field = typeof err.details?.['field'] === 'string' ? err.details['field'] : '';
      const flag = FLAG_BY_FIELD[field] ?? field;
      io.stderr(`pt-agent keys: ${flag}: ${err.message.replace(`${field}: `, '')}\n`);
      return EXIT_USAGE;
    }
    if (isAgentError(err) && err.code === 'KEYCHAIN_UNAVAILABLE') {
      io.stderr(`pt-agent keys: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }
}
