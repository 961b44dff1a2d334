/**
 * Schema drift: rename or drop a field wherever it appears in a JSON response (any depth), the
 * way an upstream API change would surface to a client.
 */
export function applyDrift(value: unknown, field: string, renameTo: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => applyDrift(item, field, renameTo));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const next = applyDrift(inner, field, renameTo);
    if (key !== field) out[key] = next;
    else if (renameTo !== undefined) out[renameTo] = next;
  }
  return out;
}
