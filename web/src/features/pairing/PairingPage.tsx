/**
 * Pairing: the code comes from the link's fragment (`/pair#CODE`, which no server sees) or is
 * typed; POST /v1/pair trades it for this browser's token.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { PairResponse } from '@pt/protocol';
import type { CommandResult } from '../../agent-client/index.js';

export interface PairingPageProps {
  readonly initialCode: string;
  readonly notice: string | null;
  readonly onPair: (code: string, deviceName: string) => Promise<CommandResult<PairResponse>>;
}

function defaultDeviceName(): string {
  const platform = navigator.platform === '' ? 'this computer' : navigator.platform;
  return `Browser on ${platform}`.slice(0, 64);
}

export function PairingPage({ initialCode, notice, onPair }: PairingPageProps) {
  const [code, setCode] = useState(initialCode);
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const result = await onPair(code.trim(), deviceName.trim());
    setIsBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <main className="pairing">
      <h1>Pair this browser</h1>
      <p>
        Enter the code the agent shows in its terminal (or run <code>pt-agent pair</code> for a new one). The
        code works once and expires after two minutes.
      </p>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Pairing code
          <input
            name="code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="ABCD-1234"
            required
          />
        </label>
        <label>
          Device name
          <input
            name="deviceName"
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={isBusy}>
          {isBusy ? 'Pairing…' : 'Pair'}
        </button>
      </form>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
