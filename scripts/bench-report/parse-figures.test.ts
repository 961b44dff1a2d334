import { describe, expect, it } from 'vitest';
import { parseFigures } from './parse-figures.js';

const good = { suite: 'sim', name: 'ws', value: 55_419, unit: 'msg/s', target: { op: '>=', value: 50_000 } };

describe('parseFigures', () => {
  it('reads one figure a line, skipping blank lines', () => {
    const text = `${JSON.stringify(good)}\n\n${JSON.stringify({ ...good, name: 'rest', note: 'x' })}\n`;
    expect(parseFigures(text, 'f').map((f) => f.name)).toEqual(['ws', 'rest']);
  });
  it('a value JSON wrote as null (NaN) reads back as NaN', () => {
    const [figure] = parseFigures(JSON.stringify({ ...good, value: Number.NaN }), 'f');
    expect(figure?.value).toBeNaN();
  });
  it.each([
    [{ ...good, suite: '' }, 'f:1: field "suite" must be a non-empty string'],
    [{ ...good, value: '5' }, 'f:1: field "value" must be a number'],
    [{ ...good, target: { op: '>', value: 1 } }, 'f:1: field "target.op" must be ">=" or "<="'],
    [{ ...good, target: { op: '>=', value: 'x' } }, 'f:1 target: field "value" must be a number'],
    [{ ...good, floor: { value: 1 } }, 'f:1 floor: field "label" must be a non-empty string'],
    [{ ...good, note: 3 }, 'f:1: field "note" must be a non-empty string'],
    [[1], 'f:1: field "(line)" must be a JSON object'],
  ])('refuses a bad figure naming the field: %j', (raw, message) => {
    expect(() => parseFigures(JSON.stringify(raw), 'f')).toThrow(message);
  });
  it('names the line that is not JSON', () => {
    expect(() => parseFigures(`${JSON.stringify(good)}\n{oops`, 'figs')).toThrow('figs:2: not JSON');
  });
});
