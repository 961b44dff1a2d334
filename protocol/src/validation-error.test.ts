import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from './errors.js';
import { formatIssuePath, validationErrorBody } from './validation-error.js';
import { ServerEvent } from './ws/server-events.js';

describe('formatIssuePath', () => {
  it.each([
    [[], '(root)'],
    [['order'], 'order'],
    [['order', 'priceE4'], 'order.priceE4'],
    [['changes', 0, 'priceE4'], 'changes[0].priceE4'],
    [[0, 'x'], '[0].x'],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe('validationErrorBody', () => {
  it('names the first bad field and lists all of them in a valid ErrorBody', () => {
    const result = ServerEvent.safeParse({
      type: 'book.delta',
      stream: 'market:FED-23DEC-T3.00',
      seq: 0,
      ticker: 'FED-23DEC-T3.00',
      changes: [{ leg: 'yes', priceE4: 0.5, countE2: 1 }],
      isQuotable: true,
      asOfMs: 1,
    });
    if (result.success) throw new Error('expected a failure');
    const body = validationErrorBody(result.error);
    expect(ErrorBody.parse(body)).toEqual(body);
    expect(body.message).toMatch(/^seq: .* \(and 1 more\)$/);
    const details = z
      .object({
        field: z.string(),
        issues: z.array(z.object({ field: z.string(), message: z.string().min(1) })),
      })
      .parse(body.details);
    expect(details.field).toBe('seq');
    expect(details.issues.map((issue) => issue.field)).toEqual(['seq', 'changes[0].priceE4']);
  });

  it('caps the number of reported issues', () => {
    const result = z.array(z.int()).safeParse(Array.from({ length: 50 }, () => 'x'));
    if (result.success) throw new Error('expected a failure');
    const issues = z
      .object({ issues: z.array(z.unknown()) })
      .parse(validationErrorBody(result.error).details);
    expect(issues.issues).toHaveLength(20);
  });
});
