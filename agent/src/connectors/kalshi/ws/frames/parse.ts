import type { z } from 'zod';
import { formatIssuePath } from '@pt/protocol';

/** Why a frame was refused: where (channel / frame type), which field, what was wrong. */
export interface Rejection {
  where: string;
  field: string;
  message: string;
}

/** zod parse that reports the first issue with its field path, for the contract monitor. */
export function parseWithContract<T>(
  schema: z.ZodType<T>,
  frame: unknown,
  where: string,
): { ok: true; value: T } | { ok: false; rejection: Rejection } {
  const r = schema.safeParse(frame);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    rejection: {
      where,
      field: issue === undefined ? '(root)' : formatIssuePath(issue.path),
      message: issue?.message ?? 'invalid',
    },
  };
}
