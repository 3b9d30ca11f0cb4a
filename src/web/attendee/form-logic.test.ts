import { describe, expect, it } from 'vitest';
import type { Field } from '../../contract/registrations.js';
import { answersToSend, MOBILE_RE, missingAnswers, serverFieldErrors, visibleFields } from './form-logic.js';

const field = (id: string, over: Partial<Field> = {}): Field => ({
  id,
  label: id,
  type: 'text',
  required: false,
  options: [],
  showIf: null,
  position: 0,
  ...over,
});

const diet = field('a0000000-0000-4000-8000-000000000001', { type: 'yes_no' });
const which = field('a0000000-0000-4000-8000-000000000002', {
  required: true,
  showIf: { fieldId: diet.id, equals: 'true' },
});
const topics = field('a0000000-0000-4000-8000-000000000003', {
  type: 'multiple_choice',
  options: ['x', 'y'],
});
const more = field('a0000000-0000-4000-8000-000000000004', { showIf: { fieldId: topics.id, equals: 'y' } });

describe('attendee form logic', () => {
  it('hides a conditional field until the earlier yes/no answer matches', () => {
    expect(visibleFields([diet, which], {}).map((f) => f.id)).toEqual([diet.id]);
    expect(visibleFields([diet, which], { [diet.id]: false }).map((f) => f.id)).toEqual([diet.id]);
    expect(visibleFields([diet, which], { [diet.id]: true }).map((f) => f.id)).toEqual([diet.id, which.id]);
  });

  it('shows a field conditioned on a multiple choice when the choice is among the answers', () => {
    expect(visibleFields([topics, more], { [topics.id]: ['x'] })).toHaveLength(1);
    expect(visibleFields([topics, more], { [topics.id]: ['x', 'y'] })).toHaveLength(2);
  });

  it('hides a field whose condition points at a hidden field', () => {
    const third = field('a0000000-0000-4000-8000-000000000005', {
      showIf: { fieldId: which.id, equals: 'v' },
    });
    expect(visibleFields([diet, which, third], { [diet.id]: false, [which.id]: 'v' })).toHaveLength(1);
  });

  it('requires only visible required fields and drops hidden answers', () => {
    expect(missingAnswers([diet, which], { [diet.id]: false })).toEqual({});
    expect(missingAnswers([diet, which], { [diet.id]: true })).toEqual({
      [`answers.${which.id}`]: 'attendee.errors.required',
    });
    expect(answersToSend([diet, which], { [diet.id]: false, [which.id]: 'stale' })).toEqual({
      [diet.id]: false,
    });
  });

  it('accepts 11-digit mobiles starting 13–19 only', () => {
    expect(MOBILE_RE.test('13812345678')).toBe(true);
    expect(MOBILE_RE.test('12812345678')).toBe(false);
    expect(MOBILE_RE.test('1381234567')).toBe(false);
  });

  it('maps server paths to form fields, first message wins', () => {
    expect(
      serverFieldErrors([
        { path: 'body.mobile', message: 'm1' },
        { path: 'body.mobile', message: 'm2' },
        { path: `body.answers.${diet.id}`, message: 'a' },
      ]),
    ).toEqual({ mobile: 'm1', [`answers.${diet.id}`]: 'a' });
  });
});
