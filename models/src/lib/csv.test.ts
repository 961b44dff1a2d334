/** The CSV reader on the quoting cases the sentiment tweets contain. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text = 'text,label\n"a, b",0\n"he said ""up""",1\r\n"line one\nline two",2\nplain,1';
    expect(parseCsv(text)).toEqual([
      ['text', 'label'],
      ['a, b', '0'],
      ['he said "up"', '1'],
      ['line one\nline two', '2'],
      ['plain', '1'],
    ]);
  });

  it('ignores a trailing newline and refuses an unterminated quote', () => {
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/);
  });
});
