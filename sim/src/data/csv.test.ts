import { describe, expect, it } from 'vitest';
import { parseCsv, splitCsvLine } from './csv.js';

describe('csv', () => {
  it('splits quoted cells with escaped quotes and commas', () => {
    expect(splitCsvLine('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
  });
  it('keys records by header, tolerates CRLF and blank lines, leaves short rows incomplete', () => {
    expect(parseCsv(',x,y\r\n0,1,2\r\n\r\n1,3\r\n')).toEqual([
      { '': '0', x: '1', y: '2' },
      { '': '1', x: '3' },
    ]);
  });
});
