import { describe, expect, it } from 'vitest';
import { containsNul } from './input-guard.js';

describe('containsNul', () => {
  it('finds NUL in strings, nested values and keys', () => {
    expect(containsNul('a\u0000b')).toBe(true);
    expect(containsNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNul({ 'k\u0000': 1 })).toBe(true);
  });

  it('passes ordinary input, including other control characters and emoji', () => {
    expect(containsNul({ name: '示例 😀\t\n', n: 1, list: [null, true], empty: {} })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });

  it('walks 5000 levels of nesting without overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}"\\u0000"${'}'.repeat(5000)}`);
    expect(containsNul(deep)).toBe(true);
  });

  it('does not look inside buffers', () => {
    expect(containsNul(Buffer.from([0, 0, 0]))).toBe(false);
  });
});

describe('containsNul on parsed query strings', () => {
  it('walks objects whose prototype chain ends in null, as the query parser makes them', () => {
    const query: Record<string, string> = Object.create(Object.create(null));
    query.q = '\u0000';
    expect(containsNul(query)).toBe(true);
  });
});
