import type { KeyedEnvironment } from '@pt/protocol';
import type { Logger } from 'pino';
import type { CredentialsStore, LoadedCredentials } from '../keychain/index.js';
import { isAgentError } from '../lib/errors.js';

export const importCommand = (environment: KeyedEnvironment): string =>
  `npm run agent -- keys import --env ${environment} --key-id ID --pem FILE`;

/**
 * The user's Kalshi key for demo or live, from the OS keychain. No key, or no keychain, is not a
 * failure of the agent: it runs without a venue and the warning says what to do (import command,
 * or how to enable a keychain). Any other error propagates.
 */
export async function loadKeyedCredentials(
  environment: KeyedEnvironment,
  credentials: CredentialsStore,
  logger: Logger,
): Promise<LoadedCredentials | null> {
  let loaded: LoadedCredentials | null;
  try {
    loaded = await credentials.load(environment);
  } catch (err) {
    if (!isAgentError(err) || err.code !== 'KEYCHAIN_UNAVAILABLE') throw err;
    logger.warn({ environment }, `${err.message} Running without a venue.`);
    return null;
  }
  if (loaded === null) {
    logger.warn(
      { environment },
      `no Kalshi ${environment} key in the OS keychain: import one with \`${importCommand(environment)}\` ` +
        'or the onboarding wizard, then restart; running without a venue',
    );
    return null;
  }
  logger.info({ environment, keyId: loaded.keyId }, `Kalshi ${environment} key loaded from the OS keychain`);
  return loaded;
}
