import { AppError } from './errors.js';

/**
 * True when a string anywhere in the value (keys included) holds a NUL character. PostgreSQL
 * cannot store NUL in text or jsonb and would fail the query, so such input is refused up front.
 * Walks plain objects and arrays without recursion, so deeply nested input cannot overflow the stack.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (item && typeof item === 'object') {
      if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) continue; // binary bodies
      if (typeof (item as { pipe?: unknown }).pipe === 'function') continue; // streams
      for (const [key, element] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        stack.push(element);
      }
    }
  }
  return false;
}

/** A preValidation hook: 400 for NUL characters in path parameters, query or JSON body. */
export async function refuseNulCharacters(request: { params: unknown; query: unknown; body: unknown }) {
  if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
    throw new AppError('request.invalid_characters', 400);
  }
}
