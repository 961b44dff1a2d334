import { AgentError } from '../lib/errors.js';

/**
 * How to get a working OS keychain, per platform. The agent never falls back to a file: without a
 * keychain it refuses to store Kalshi keys and says what to do instead.
 */
export function keychainHowTo(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'the agent uses the macOS login keychain: unlock it (Keychain Access) and try again';
  }
  if (platform === 'win32') {
    return 'the agent uses the Windows Credential Manager: sign in to a normal user session and try again';
  }
  return (
    'the agent needs a Secret Service (GNOME Keyring, KWallet) in your desktop session; on a ' +
    'headless Linux box install gnome-keyring and run a gnome-keyring daemon in a D-Bus session: ' +
    "dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets >/dev/null && " +
    "npm run agent' (type the keyring password, then Ctrl-D)"
  );
}

/** Why the platform store failed, in words a user can act on (the native text stays in the cause). */
export function describeKeychainFailure(nativeMessage: string): string {
  if (/DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect to socket|D-?Bus error/i.test(nativeMessage)) {
    return 'no D-Bus session bus answers, so no Secret Service can be reached';
  }
  if (/no result found|no such object|ServiceUnknown|not provided by any \.service/i.test(nativeMessage)) {
    return 'the Secret Service has no usable default keyring';
  }
  if (/prompt was dismissed|locked/i.test(nativeMessage)) {
    return 'the keyring is locked and could not be unlocked (no prompt could be shown)';
  }
  if (/abort|timed? ?out/i.test(nativeMessage)) return 'the keychain did not answer in time';
  return 'the platform credential store refused the request';
}

/** AgentError KEYCHAIN_UNAVAILABLE with the reason and the fix; the native error is the cause only. */
export function keychainUnavailable(reason: string, platform: NodeJS.Platform, cause?: unknown): AgentError {
  return new AgentError(
    'KEYCHAIN_UNAVAILABLE',
    `OS keychain unavailable: ${reason}; ${keychainHowTo(platform)}. Kalshi keys are never stored anywhere else.`,
    { retryable: true },
    undefined,
    cause === undefined ? undefined : { cause },
  );
}
