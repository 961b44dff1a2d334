import type { z } from 'zod';

/** Rows that parsed, and an honest count of the ones that did not (never a crash). */
export interface LoadResult<T> {
  rows: T[];
  skipped: number;
  /** The first few reasons, naming the field, for the log. */
  firstErrors: string[];
}

const MAX_REPORTED_ERRORS = 5;

export function parseRows<S extends z.ZodType>(
  records: readonly unknown[],
  schema: S,
  source: string,
): LoadResult<z.output<S>> {
  const rows: z.output<S>[] = [];
  const firstErrors: string[] = [];
  let skipped = 0;
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    skipped += 1;
    if (firstErrors.length < MAX_REPORTED_ERRORS) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '?';
      firstErrors.push(`${source} row ${index + 1}: ${field}: ${issue?.message ?? 'invalid'}`);
    }
  });
  return { rows, skipped, firstErrors };
}

/** Parse JSON lines, counting unparseable lines as skipped. */
export function parseJsonLines(text: string): { values: unknown[]; badLines: number } {
  const values: unknown[] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      badLines += 1;
    }
  }
  return { values, badLines };
}
