import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIGURES_ENV, formatFigureLine, formatNumber, recordFigure, verdict } from './figure.js';
import type { Figure } from './figure.js';
import { parseFigures } from './parse-figures.js';

const ledger: Figure = {
  suite: 'agent',
  name: 'ledger write queue',
  value: 97_604,
  unit: 'events/s',
  target: { op: '>=', value: 100_000 },
};

describe('verdict', () => {
  it('>= is met at and above the target, below under it', () => {
    expect(verdict({ value: 100_000, target: { op: '>=', value: 100_000 } })).toBe('MET');
    expect(verdict({ value: 100_001, target: { op: '>=', value: 100_000 } })).toBe('MET');
    expect(verdict({ value: 99_999, target: { op: '>=', value: 100_000 } })).toBe('BELOW');
  });
  it('<= is met at and under the target (latencies, sizes), below over it', () => {
    expect(verdict({ value: 2, target: { op: '<=', value: 2 } })).toBe('MET');
    expect(verdict({ value: 1.2, target: { op: '<=', value: 2 } })).toBe('MET');
    expect(verdict({ value: 33.4, target: { op: '<=', value: 2 } })).toBe('BELOW');
  });
  it('a value that is not a number never meets a target', () => {
    expect(verdict({ value: Number.NaN, target: { op: '<=', value: 50 } })).toBe('BELOW');
    expect(verdict({ value: Number.NaN, target: { op: '>=', value: 50 } })).toBe('BELOW');
  });
  it('no target → —', () => {
    expect(verdict({ value: 5 })).toBe('—');
  });
});

describe('formatFigureLine', () => {
  it('prints value, target and verdict like the benches did', () => {
    expect(formatFigureLine(ledger)).toBe(
      'agent ledger write queue: 97,604 events/s (target ≥ 100,000 events/s) BELOW TARGET',
    );
  });
  it('adds the note and the floor; MET when met; nothing after an untargeted figure', () => {
    expect(
      formatFigureLine({
        suite: 'agent',
        name: 'ws ingest',
        value: 628_108,
        unit: 'msg/s',
        note: '11 rounds',
        floor: { value: 766_000, label: 'raw JSON.parse' },
        target: { op: '>=', value: 250_000 },
      }),
    ).toBe(
      'agent ws ingest: 628,108 msg/s (11 rounds) (floor 766,000 msg/s: raw JSON.parse) (target ≥ 250,000 msg/s) MET',
    );
    expect(formatFigureLine({ suite: 'web', name: 'rss', value: 81.25, unit: 'MiB' })).toBe(
      'web rss: 81.25 MiB',
    );
  });
  it('rounds to two decimals at most', () => {
    expect(formatNumber(4.4449)).toBe('4.44');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('recordFigure', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the line and appends one JSON line per figure that reads back equal', () => {
    dir = mkdtempSync(join(tmpdir(), 'pt-figure-test-'));
    const file = join(dir, 'figures.jsonl');
    const printed: string[] = [];
    const latency: Figure = {
      suite: 'agent',
      name: 'order latency p99',
      value: 33.4,
      unit: 'ms',
      target: { op: '<=', value: 2 },
    };
    recordFigure(ledger, { [FIGURES_ENV]: file }, (text) => printed.push(text));
    recordFigure(latency, { [FIGURES_ENV]: file }, (text) => printed.push(text));
    expect(printed).toEqual([`${formatFigureLine(ledger)}\n`, `${formatFigureLine(latency)}\n`]);
    expect(parseFigures(readFileSync(file, 'utf8'), file)).toEqual([ledger, latency]);
  });

  it('only prints when the env variable is not set', () => {
    const printed: string[] = [];
    recordFigure(ledger, {}, (text) => printed.push(text));
    expect(printed).toHaveLength(1);
  });
});
