/**
 * Onboarding step 2: the Kalshi API key. Demo is the default; the key id and the private key file
 * (read in the browser, sent once to the agent, which stores it in the OS keychain) or the CLI
 * command that does the same from a terminal. Shows what the agent holds: key id and fingerprint.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { KalshiKeyId, PutCredentialsRequest } from '@pt/protocol';
import type { KeyedEnvironment } from '@pt/protocol';
import { useOnboardingStore } from './onboarding.store.js';

export function KeyStep() {
  const { credentials, keyOutcome, importKey } = useOnboardingStore();
  const [environment, setEnvironment] = useState<KeyedEnvironment>('demo');
  const [keyId, setKeyId] = useState('');
  const [pem, setPem] = useState<{ name: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = PutCredentialsRequest.safeParse({
      environment,
      keyId: keyId.trim(),
      privateKeyPem: pem?.text ?? '',
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(`${String(issue?.path[0] ?? 'key')}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setProblem(null);
    await importKey(parsed.data);
    setPem(null);
  };

  const idForCli = KalshiKeyId.safeParse(keyId.trim()).success ? keyId.trim() : 'KEY-ID';
  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="key-step-title" noValidate>
      <h3 id="key-step-title">2 · Kalshi API key</h3>
      {credentials !== null && !credentials.keychain.available && (
        <p className="error" role="alert">
          Keychain unavailable: {credentials.keychain.detail}
        </p>
      )}
      <ul data-testid="stored-keys">
        {credentials?.credentials.map((c) => (
          <li key={c.environment}>
            {c.environment}: key {c.keyId} · {c.fingerprint} · {c.keyBits} bits
          </li>
        ))}
        {credentials?.credentials.length === 0 && <li className="muted">No Kalshi key stored yet.</li>}
      </ul>
      <p className="muted small">
        Create a key on{' '}
        <a href="https://demo.kalshi.co" rel="noreferrer" target="_blank">
          demo.kalshi.co
        </a>{' '}
        (Account → API keys; demo keys only work on demo).
      </p>
      <label>
        Key for
        <select value={environment} onChange={(e) => setEnvironment(e.target.value as KeyedEnvironment)}>
          <option value="demo">Demo (paper money)</option>
          <option value="live">Live (real money)</option>
        </select>
      </label>
      <label>
        Key id
        <input
          value={keyId}
          onChange={(e) => setKeyId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label>
        Private key file (.pem)
        <input
          type="file"
          accept=".pem,.key,.txt"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) void file.text().then((text) => setPem({ name: file.name, text }));
          }}
        />
      </label>
      {pem !== null && (
        <p className="muted small">Read {pem.name}: it goes to the agent only when you store it.</p>
      )}
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit">Store key in the agent</button>
      {keyOutcome !== null && (
        <p className={keyOutcome.ok ? '' : 'error'} role="status" data-testid="key-outcome">
          {keyOutcome.text}
        </p>
      )}
      <p className="muted small">
        Or from a terminal:{' '}
        <code>
          pt-agent keys import --env {environment} --key-id {idForCli} --pem FILE
        </code>
      </p>
    </form>
  );
}
