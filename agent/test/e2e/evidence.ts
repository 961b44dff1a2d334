/**
 * What the secret-hygiene test collects while it drives the agent: every API answer (status,
 * headers, body), every CLI output, WS frames, /proc entries and files, each as bytes with a label,
 * so an assertion can say exactly where a marker turned up.
 */
import type { Marker } from './markers.js';
import { foundMarkers } from './markers.js';

export interface Evidence {
  label: string;
  bytes: Buffer;
}

export class EvidenceLog {
  readonly items: Evidence[] = [];

  add(label: string, content: string | Buffer): void {
    this.items.push({ label, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  }

  /** Records the whole answer (status line, headers, body) and returns the body text. */
  async response(label: string, res: Response): Promise<string> {
    const body = await res.text();
    const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    this.add(`${label} → ${res.status}`, `${res.status}\n${headers}\n\n${body}`);
    return body;
  }

  /** `label: marker labels` for every item holding a marker (the test expects none). */
  leaks(markers: readonly Marker[], except: (item: Evidence) => boolean = () => false): string[] {
    return this.items
      .filter((item) => !except(item))
      .map((item) => ({ label: item.label, found: foundMarkers(markers, item.bytes) }))
      .filter(({ found }) => found.length > 0)
      .map(({ label, found }) => `${label}: ${found.join(', ')}`);
  }
}
