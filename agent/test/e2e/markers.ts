/**
 * Marker secrets for the secret-hygiene test: byte strings that can only come from one secret, in
 * every encoding a leak could take (PEM text, base64 / base64url of the DER at each byte alignment,
 * hex, raw bytes), searched in files and outputs read as bytes.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';

export interface Marker {
  /** Which secret and which encoding: shown when a marker is found. */
  label: string;
  bytes: Buffer;
}

export interface MarkedKey {
  keyId: string;
  /** PKCS#8 PEM, as the user downloads it from Kalshi. */
  pem: string;
  markers: Marker[];
}

/** Two regions inside the private exponent and primes of a 2048-bit PKCS#8 DER (not the public modulus). */
const SECRET_REGIONS = [408, 800] as const;
const REGION_BYTES = 24;

function text(label: string, value: string): Marker {
  return { label, bytes: Buffer.from(value, 'utf8') };
}

/** A fresh RSA-2048 key and its markers. `name` labels them (e.g. 'demo key'). */
export function makeMarkedKey(name: string): MarkedKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const markers: Marker[] = [];
  // PEM body lines holding private material (line n covers DER bytes 48n..48n+48); PKCS#1 too.
  for (const [form, pemText] of [
    ['PKCS#8', pem],
    ['PKCS#1', pkcs1],
  ] as const) {
    const lines = pemText.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
    for (const at of [8, 12, 16, 20]) {
      const line = lines[at];
      if (line !== undefined) markers.push(text(`${name} ${form} PEM line ${at}`, line.slice(8, 56)));
    }
  }
  for (const start of SECRET_REGIONS) {
    const region = der.subarray(start, start + REGION_BYTES);
    markers.push({ label: `${name} DER bytes ${start}`, bytes: Buffer.from(region) });
    markers.push(text(`${name} DER hex ${start}`, region.toString('hex')));
    markers.push(text(`${name} DER HEX ${start}`, region.toString('hex').toUpperCase()));
    // Any base64 of a buffer holding the DER contains one of these three, whatever the offset.
    for (let shift = 0; shift < 3; shift += 1) {
      const from = start + ((3 - ((start + shift) % 3)) % 3);
      const slice = der.subarray(from, from + REGION_BYTES);
      markers.push(text(`${name} DER base64 ${start}+${shift}`, slice.toString('base64')));
      markers.push(text(`${name} DER base64url ${start}+${shift}`, slice.toString('base64url')));
    }
  }
  return { keyId: randomUUID(), pem, markers };
}

/** The pairing token in its text and raw forms. */
export function tokenMarkers(token: string): Marker[] {
  const raw = Buffer.from(token, 'base64url');
  return [
    text('pairing token', token),
    { label: 'pairing token raw bytes', bytes: raw },
    text('pairing token hex', raw.toString('hex')),
    text('pairing token base64', raw.toString('base64').replace(/=+$/, '')),
  ];
}

/** A pairing code as shown (`ABCD-EFGH`) and as typed without the dash. */
export function codeMarkers(code: string): Marker[] {
  return [text(`pairing code ${code}`, code), text(`pairing code ${code} ungrouped`, code.replace('-', ''))];
}

/** Labels of the markers found in `haystack`. */
export function foundMarkers(markers: readonly Marker[], haystack: Buffer | string): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  return markers.filter((marker) => bytes.includes(marker.bytes)).map((marker) => marker.label);
}
