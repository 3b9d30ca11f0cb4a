import type { Field } from '../../contract/registrations.js';

/**
 * The registration form's rules on the phone, mirroring the server (registration-form.ts
 * validateAnswers, contract/common.ts): the server checks again and its field errors win.
 */
export type Answers = Record<string, unknown>;
export type FieldErrors = Record<string, string>;

/** 11 digits starting with 13–19 (contract/common.ts MOBILE_RE; not imported to keep zod out). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function matches(answer: unknown, equals: string) {
  if (Array.isArray(answer)) return answer.includes(equals);
  if (typeof answer === 'boolean') return String(answer) === equals;
  return answer !== undefined && answer !== null && String(answer) === equals;
}

/** The fields shown now: a field with a condition appears when the earlier answer matches. */
export function visibleFields(fields: Field[], answers: Answers): Field[] {
  const shown: Field[] = [];
  const seen: Answers = {};
  for (const field of fields) {
    if (field.showIf && !matches(seen[field.showIf.fieldId], field.showIf.equals)) continue;
    shown.push(field);
    if (!isEmpty(answers[field.id])) seen[field.id] = answers[field.id];
  }
  return shown;
}

export type AnswerValue = string | number | boolean | string[];

/** Only the answers of visible fields are sent. */
export function answersToSend(fields: Field[], answers: Answers): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const field of visibleFields(fields, answers)) {
    if (!isEmpty(answers[field.id])) out[field.id] = answers[field.id] as AnswerValue;
  }
  return out;
}

/** Error keys of the visible required fields left empty, keyed `answers.<id>`. */
export function missingAnswers(fields: Field[], answers: Answers): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of visibleFields(fields, answers)) {
    if (field.required && isEmpty(answers[field.id]))
      errors[`answers.${field.id}`] = 'attendee.errors.required';
  }
  return errors;
}

/** `body.answers.<id>` → `answers.<id>`, `body.mobile` → `mobile`; the first message per field wins. */
export function serverFieldErrors(errors: { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const key = error.path.replace(/^body\.?/, '') || 'form';
    out[key] ??= error.message;
  }
  return out;
}
