/**
 * Bad request bodies for the API fuzz, generated from a valid example of each protocol request
 * schema: arbitrary JSON, the valid example with one field removed / retyped / oversized, unknown
 * and prototype-polluting keys, and text that is not JSON. Anything the schema would accept is
 * filtered out, so every generated body is a bad input the agent must refuse with a 4xx naming the
 * field.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export interface BadBody {
  readonly text: string;
  readonly kind: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

function withPath(
  value: Json,
  path: readonly (string | number)[],
  change: (parent: Json, key: string | number) => void,
): Json {
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] ?? null;
  const last = path[path.length - 1];
  if (last !== undefined && parent !== null && typeof parent === 'object') change(parent, last);
  return copy;
}

const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'NaN', '-1', '1e309', '0x10', '../../etc/passwd', '<script>'),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'A'.repeat(n)),
);

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  weirdString,
  fc.constantFrom<Json>(null, true, 0, -1, 1e21, 2 ** 53 + 1, 0.1, [], {}),
);

function mutations(valid: Json): fc.Arbitrary<BadBody> {
  const paths = pathsOf(valid);
  const path = fc.constantFrom(...paths);
  const json = (value: Json, kind: string): BadBody => ({ text: JSON.stringify(value), kind });
  return fc.oneof(
    path.map((p) =>
      json(
        withPath(valid, p, (parent, key) => void delete (parent as Record<string | number, Json>)[key]),
        'field removed',
      ),
    ),
    fc.tuple(path, wrongValue).map(([p, v]) =>
      json(
        withPath(valid, p, (parent, key) => void ((parent as Record<string | number, Json>)[key] = v)),
        'field retyped',
      ),
    ),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'token', ''), wrongValue)
      .map(([key, v]) => ({
        // Built as text: JSON.stringify of an object literal would not keep a `__proto__` own key.
        text: `${JSON.stringify(valid).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(v)}}`,
        kind: 'unknown key',
      })),
  );
}

/** Arbitrary bad bodies for a request schema, given one valid example of it. */
export function badBodies(schema: z.ZodType, valid: Json): fc.Arbitrary<BadBody> {
  const notJson = fc
    .string({ maxLength: 60 })
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    })
    .map((text) => ({ text, kind: 'not JSON' }));
  const anyJson = (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map((value) => ({
    text: JSON.stringify(value),
    kind: 'arbitrary JSON',
  }));
  return fc.oneof({ arbitrary: mutations(valid), weight: 3 }, anyJson, notJson).filter((body) => {
    try {
      return !schema.safeParse(JSON.parse(body.text)).success;
    } catch {
      return true;
    }
  });
}
