/**
 * Whether the setup wizard was open when this browser last showed it, so a reload paints it the
 * same way at once instead of opening (or folding) it when the agent's credentials arrive and
 * shifting every panel below it. A hint for the first paint only: the agent's answer still decides.
 */
const KEY = 'pt.setup.isOpen';

export function readSetupOpen(): boolean | null {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value === 'true' ? true : value === 'false' ? false : null;
  } catch {
    return null; // storage disabled: no hint
  }
}

export function writeSetupOpen(isOpen: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(isOpen));
  } catch {
    // storage disabled or full: the next load decides from the agent again
  }
}
