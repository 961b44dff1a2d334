/**
 * Reads back the figures the benches appended (one JSON object a line). Each line is checked field
 * by field; a bad one fails with its line number and the field, never silently dropped.
 */
import type { Figure } from './figure.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, field: string, expected: string): never {
  throw new Error(`${where}: field "${field}" must be ${expected}`);
}

function text(raw: Record<string, unknown>, field: string, where: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || value === '') fail(where, field, 'a non-empty string');
  return value;
}

function num(raw: Record<string, unknown>, field: string, where: string): number {
  const value = raw[field];
  // JSON turns NaN and Infinity into null: a figure that could not be measured.
  if (value === null) return Number.NaN;
  if (typeof value !== 'number') fail(where, field, 'a number');
  return value;
}

export function parseFigure(raw: unknown, where: string): Figure {
  if (!isRecord(raw)) fail(where, '(line)', 'a JSON object');
  const figure: Figure = {
    suite: text(raw, 'suite', where),
    name: text(raw, 'name', where),
    value: num(raw, 'value', where),
    unit: text(raw, 'unit', where),
  };
  if (raw['target'] !== undefined) {
    const target = raw['target'];
    if (!isRecord(target)) fail(where, 'target', 'an object { op, value }');
    const op = target['op'];
    if (op !== '>=' && op !== '<=') fail(where, 'target.op', '">=" or "<="');
    figure.target = { op, value: num(target, 'value', `${where} target`) };
  }
  if (raw['floor'] !== undefined) {
    const floor = raw['floor'];
    if (!isRecord(floor)) fail(where, 'floor', 'an object { value, label }');
    figure.floor = {
      value: num(floor, 'value', `${where} floor`),
      label: text(floor, 'label', `${where} floor`),
    };
  }
  if (raw['note'] !== undefined) figure.note = text(raw, 'note', where);
  return figure;
}

/** Every figure in the file's text, in order. */
export function parseFigures(content: string, source: string): Figure[] {
  return content
    .split('\n')
    .map((line, index) => ({ line: line.trim(), where: `${source}:${index + 1}` }))
    .filter(({ line }) => line !== '')
    .map(({ line, where }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${where}: not JSON: ${line.slice(0, 80)}`);
      }
      return parseFigure(raw, where);
    });
}
