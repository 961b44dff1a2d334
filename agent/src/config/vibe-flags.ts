/**
 * `--vibe-url URL --vibe-key-file FILE`: the sentiment service `npm start` runs beside the agent.
 * The key is read from a file so it never travels in argv or the environment; like an SSH key,
 * a file other users can read is refused. Flags override `config.json`'s `vibe.url` / `vibe.apiKey`
 * and keep its tuning options (topics, half-life, kill-switch limits).
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AgentError } from '../lib/errors.js';
import type { ConfigFlags } from './command-line.js';
import { VibeConfig } from './schema.js';

function invalid(field: string, message: string): AgentError {
  return new AgentError('CONFIG_INVALID', `invalid configuration: ${field}: ${message}`, {}, { field });
}

function readKey(file: string): string {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw invalid('--vibe-key-file', `no such file: ${file}`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
    throw invalid('--vibe-key-file', `${file} is readable by other users; chmod 600 it`);
  const key = readFileSync(file, 'utf8').trim();
  if (key.length === 0) throw invalid('--vibe-key-file', `${file} is empty`);
  return key;
}

/** The `vibe` part of AgentConfig (spread it in), from flags over the config file's. */
export function vibeFromFlags(
  flags: Pick<ConfigFlags, 'vibeUrl' | 'vibeKeyFile'>,
  fromFile: VibeConfig | undefined,
  cwd: string,
): { vibe?: VibeConfig } {
  if (flags.vibeUrl === undefined && flags.vibeKeyFile === undefined)
    return fromFile === undefined ? {} : { vibe: fromFile };
  const url = flags.vibeUrl ?? fromFile?.url;
  if (url === undefined) throw invalid('--vibe-url', 'required with --vibe-key-file');
  const keyFile =
    flags.vibeKeyFile === undefined
      ? undefined
      : isAbsolute(flags.vibeKeyFile)
        ? flags.vibeKeyFile
        : resolve(cwd, flags.vibeKeyFile);
  const apiKey = keyFile === undefined ? fromFile?.apiKey : readKey(keyFile);
  const parsed = VibeConfig.safeParse({ ...fromFile, url, ...(apiKey === undefined ? {} : { apiKey }) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue?.path[0] === 'url' ? '--vibe-url' : '--vibe-key-file', issue?.message ?? 'invalid');
  }
  return { vibe: parsed.data };
}
