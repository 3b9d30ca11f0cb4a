import type { Answers, AnswerValue, Question, SurveyDefinition } from '../../../contract/surveys.js';
import { NPS_RANGE, SCALE_RANGE, TEXT_LIMITS } from './limits.js';

/** Empty values (`''`, `[]`, `{}`, null) mean "not answered", as on the server. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export const questionsOf = (definition: SurveyDefinition): Question[] =>
  definition.sections.flatMap((s) => s.questions);

/** The numeric range of a rating, NPS or matrix question. */
export function rangeOf(q: Question): { min: number; max: number } | null {
  if (q.type === 'rating') return SCALE_RANGE[q.style];
  if (q.type === 'matrix') return SCALE_RANGE[q.scale];
  if (q.type === 'nps') return NPS_RANGE;
  return null;
}

/** Whether a required question is complete: a required matrix needs every row. */
export function isComplete(q: Question, value: AnswerValue | undefined): boolean {
  if (!isAnswered(value)) return false;
  if (q.type === 'matrix') {
    const grid = value as Record<string, number>;
    return q.rows.every((r) => typeof grid[r.id] === 'number');
  }
  return true;
}

/** A problem with one answer: an `attendee.survey.errors.*` key and its parameters. */
export type AnswerIssue = { key: string; params?: Record<string, number> };

/**
 * What the phone can tell before sending: required answers missing, too many choices, texts too
 * long. The server checks everything again (and answers the same way, per question).
 */
export function answerIssues(definition: SurveyDefinition, answers: Answers): Record<string, AnswerIssue> {
  const issues: Record<string, AnswerIssue> = {};
  for (const q of questionsOf(definition)) {
    const value = answers[q.id];
    if (q.required && !isComplete(q, value)) {
      issues[q.id] = {
        key:
          q.type === 'matrix' && isAnswered(value)
            ? 'attendee.survey.errors.allRows'
            : 'attendee.survey.errors.required',
      };
      continue;
    }
    if (q.type === 'multiple' && q.maxChoices !== null && Array.isArray(value) && value.length > q.maxChoices)
      issues[q.id] = { key: 'attendee.survey.errors.tooMany', params: { max: q.maxChoices } };
    if ((q.type === 'short_text' || q.type === 'long_text') && typeof value === 'string') {
      const max = q.type === 'short_text' ? TEXT_LIMITS.shortText : TEXT_LIMITS.longText;
      if (value.trim().length > max)
        issues[q.id] = { key: 'attendee.survey.errors.tooLong', params: { max } };
    }
  }
  return issues;
}

/** The answers to send: only questions of the definition, empty ones left out. */
export function answersToSend(definition: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questionsOf(definition)) {
    const value = answers[q.id];
    if (isAnswered(value)) out[q.id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  }
  return out;
}

/** Progress for the bar at the top: answered questions of all, and required ones still open. */
export function progressOf(definition: SurveyDefinition, answers: Answers) {
  const questions = questionsOf(definition);
  return {
    answered: questions.filter((q) => isAnswered(answers[q.id])).length,
    total: questions.length,
    requiredLeft: questions.filter((q) => q.required && !isComplete(q, answers[q.id])).length,
  };
}

/** `body.answers.<questionId>` (a server field error) → the question id. */
export function questionIdOfPath(path: string): string | null {
  const match = /(?:^|\.)answers\.([A-Za-z0-9_-]+)$/.exec(path);
  return match ? match[1] : null;
}

/** The question to show first when answers need attention: the first in the form's order. */
export function firstProblem(definition: SurveyDefinition, problems: Record<string, unknown>): string | null {
  return questionsOf(definition).find((q) => q.id in problems)?.id ?? null;
}

/** A tap on a single-choice option: picks it; on the picked option of an optional question, clears it. */
export function nextSingleChoice(required: boolean, current: AnswerValue | undefined, tapped: string) {
  return !required && current === tapped ? null : tapped;
}

/** A short text is one line: line breaks (typed or pasted into the wrapping field) become spaces. */
export const oneLine = (text: string) => text.replace(/\r?\n/g, ' ');
