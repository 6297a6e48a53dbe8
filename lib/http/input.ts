import type { z } from 'zod';
import { badRequest } from './errors';

/** Parses input with a zod schema; a mismatch is a 400 naming each field and what is wrong. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const messages = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw badRequest(messages.join('; '));
  }
  return result.data;
}

/** Text a person typed: no control characters (a NUL byte cannot even be stored). */
export const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u;
