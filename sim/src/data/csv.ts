/**
 * Small CSV reader for the recorded data files: comma-separated, optional double-quoted fields
 * with `""` escapes, LF or CRLF line ends. Returns records keyed by header name; an empty header
 * cell (pandas' unnamed index column) is keyed `""`.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/);
  const headerLine = lines[0];
  if (headerLine === undefined) return [];
  const header = splitCsvLine(headerLine);
  const out: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === undefined || line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const record: Record<string, string> = {};
    header.forEach((name, j) => {
      // A short row leaves the trailing fields undefined so the row schema rejects it.
      const cell = cells[j];
      if (cell !== undefined) record[name] = cell;
    });
    out.push(record);
  }
  return out;
}

export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') isQuoted = false;
      else cell += ch;
    } else if (ch === '"') isQuoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
