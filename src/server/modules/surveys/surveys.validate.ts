import {
  type Answers,
  type AnswerValue,
  type Question,
  SURVEY_LIMITS,
  type SurveyDefinition,
} from '../../../contract/surveys.js';
import { allQuestions, isAnswered, rangeOf } from './surveys.results.js';

/** A rule broken at `path`; `code` is an error code (its text is `errors.<code>`). */
export type Issue = { path: string; code: string; params?: Record<string, string | number> };

export const toFieldErrors = (issues: Issue[]) =>
  issues.map((i) => ({ path: i.path, key: `errors.${i.code}`, params: i.params }));

const V = 'surveys.validation';

/** The rules zod cannot express (documented on surveyDefinitionSchema). Paths start at `prefix`. */
export function definitionIssues(definition: SurveyDefinition, prefix = 'body.definition'): Issue[] {
  const issues: Issue[] = [];
  // Section ids are unique among sections, question ids among all questions.
  const seen = { section: new Set<string>(), question: new Set<string>() };
  const unique = (kind: keyof typeof seen, id: string, path: string) => {
    if (seen[kind].has(id)) issues.push({ path, code: `${V}.duplicate_id`, params: { id } });
    seen[kind].add(id);
  };
  if (!definition.title.trim()) issues.push({ path: `${prefix}.title`, code: `${V}.title_required` });
  const total = definition.sections.reduce((n, s) => n + s.questions.length, 0);
  if (total === 0) issues.push({ path: `${prefix}.sections`, code: `${V}.no_questions` });
  if (total > SURVEY_LIMITS.questions)
    issues.push({
      path: `${prefix}.sections`,
      code: `${V}.too_many_questions`,
      params: { max: SURVEY_LIMITS.questions },
    });

  definition.sections.forEach((section, si) => {
    const sp = `${prefix}.sections.${si}`;
    unique('section', section.id, `${sp}.id`);
    if (!section.title.trim()) issues.push({ path: `${sp}.title`, code: `${V}.title_required` });
    section.questions.forEach((q, qi) => {
      const qp = `${sp}.questions.${qi}`;
      unique('question', q.id, `${qp}.id`);
      if (!q.title.trim()) issues.push({ path: `${qp}.title`, code: `${V}.title_required` });
      if (q.type === 'single' || q.type === 'multiple') {
        if (q.options.length < 2) issues.push({ path: `${qp}.options`, code: `${V}.options_required` });
        const ids = new Set<string>();
        q.options.forEach((o, oi) => {
          if (ids.has(o.id))
            issues.push({ path: `${qp}.options.${oi}.id`, code: `${V}.duplicate_id`, params: { id: o.id } });
          ids.add(o.id);
          if (!o.label.trim())
            issues.push({ path: `${qp}.options.${oi}.label`, code: `${V}.label_required` });
        });
        if (q.type === 'multiple' && q.maxChoices !== null && q.maxChoices > q.options.length)
          issues.push({ path: `${qp}.maxChoices`, code: `${V}.max_choices` });
      }
      if (q.type === 'matrix') {
        if (q.rows.length < 1) issues.push({ path: `${qp}.rows`, code: `${V}.rows_required` });
        const ids = new Set<string>();
        q.rows.forEach((r, ri) => {
          if (ids.has(r.id))
            issues.push({ path: `${qp}.rows.${ri}.id`, code: `${V}.duplicate_id`, params: { id: r.id } });
          ids.add(r.id);
          if (!r.label.trim()) issues.push({ path: `${qp}.rows.${ri}.label`, code: `${V}.label_required` });
        });
      }
    });
  });
  return issues;
}

/**
 * Once responses exist, a new definition may only add (sections, questions, options, rows) and
 * change texts, order and the required flag. Anything that could orphan or reinterpret a stored
 * answer is listed here: a question removed or retyped, a scale changed, an option or row
 * removed, fewer choices allowed.
 */
export function breakingChanges(
  before: SurveyDefinition,
  after: SurveyDefinition,
  prefix = 'body.definition',
): Issue[] {
  const issues: Issue[] = [];
  const C = 'surveys.change';
  const located = new Map<string, { question: Question; path: string }>();
  after.sections.forEach((s, si) => {
    s.questions.forEach((q, qi) => {
      located.set(q.id, { question: q, path: `${prefix}.sections.${si}.questions.${qi}` });
    });
  });
  for (const { question: old } of allQuestions(before)) {
    const found = located.get(old.id);
    if (!found) {
      issues.push({ path: `${prefix}.sections`, code: `${C}.question_removed`, params: { id: old.id } });
      continue;
    }
    const { question: now, path } = found;
    if (now.type !== old.type) {
      issues.push({ path: `${path}.type`, code: `${C}.type_changed`, params: { id: old.id } });
      continue;
    }
    if (
      (old.type === 'rating' && now.type === 'rating' && old.style !== now.style) ||
      (old.type === 'matrix' && now.type === 'matrix' && old.scale !== now.scale)
    )
      issues.push({ path, code: `${C}.scale_changed`, params: { id: old.id } });
    if ((old.type === 'single' || old.type === 'multiple') && now.type === old.type) {
      const ids = new Set((now as typeof old).options.map((o) => o.id));
      for (const o of old.options)
        if (!ids.has(o.id))
          issues.push({ path: `${path}.options`, code: `${C}.option_removed`, params: { id: o.id } });
    }
    if (old.type === 'multiple' && now.type === 'multiple') {
      const was = old.maxChoices ?? Number.POSITIVE_INFINITY;
      const is = now.maxChoices ?? Number.POSITIVE_INFINITY;
      if (is < was) issues.push({ path: `${path}.maxChoices`, code: `${C}.max_choices_reduced` });
    }
    if (old.type === 'matrix' && now.type === 'matrix') {
      const ids = new Set(now.rows.map((r) => r.id));
      for (const r of old.rows)
        if (!ids.has(r.id))
          issues.push({ path: `${path}.rows`, code: `${C}.row_removed`, params: { id: r.id } });
    }
  }
  return issues;
}

const A = 'surveys.answer';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** One answer checked against its question; returns the value to store or an issue code. */
function checkAnswer(q: Question, value: AnswerValue): { value: AnswerValue } | { code: string } {
  switch (q.type) {
    case 'rating':
    case 'nps': {
      if (!isInt(value)) return { code: `${A}.invalid` };
      const range = rangeOf(q)!;
      return value < range.min || value > range.max ? { code: `${A}.out_of_range` } : { value };
    }
    case 'single': {
      if (typeof value !== 'string') return { code: `${A}.invalid` };
      return q.options.some((o) => o.id === value) ? { value } : { code: `${A}.unknown_option` };
    }
    case 'multiple': {
      if (!Array.isArray(value)) return { code: `${A}.invalid` };
      const chosen = [...new Set(value)];
      if (chosen.some((id) => !q.options.some((o) => o.id === id))) return { code: `${A}.unknown_option` };
      if (q.maxChoices !== null && chosen.length > q.maxChoices) return { code: `${A}.too_many` };
      return { value: chosen };
    }
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { code: `${A}.invalid` };
      const range = rangeOf(q)!;
      const grid: Record<string, number> = {};
      for (const [rowId, v] of Object.entries(value)) {
        if (!q.rows.some((r) => r.id === rowId)) return { code: `${A}.unknown_option` };
        if (!isInt(v)) return { code: `${A}.invalid` };
        if (v < range.min || v > range.max) return { code: `${A}.out_of_range` };
        grid[rowId] = v;
      }
      if (q.required && q.rows.some((r) => grid[r.id] === undefined)) return { code: `${A}.required` };
      return { value: grid };
    }
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return { code: `${A}.invalid` };
      const max = q.type === 'short_text' ? SURVEY_LIMITS.shortText : SURVEY_LIMITS.longText;
      const text = value.trim();
      return text.length > max ? { code: `${A}.too_long` } : { value: text };
    }
  }
}

/**
 * Checks a whole response against the definition. Returns the answers to store (empty values
 * dropped, texts trimmed, choices de-duplicated) and the issues at `body.answers.<questionId>`.
 */
export function checkAnswers(definition: SurveyDefinition, answers: Answers) {
  const issues: Issue[] = [];
  const clean: Answers = {};
  const questions = new Map(allQuestions(definition).map(({ question }) => [question.id, question]));
  for (const id of Object.keys(answers))
    if (!questions.has(id)) issues.push({ path: `body.answers.${id}`, code: `${A}.unknown_question` });
  for (const q of questions.values()) {
    const value = answers[q.id];
    if (!isAnswered(value)) {
      if (q.required) issues.push({ path: `body.answers.${q.id}`, code: `${A}.required` });
      continue;
    }
    const checked = checkAnswer(q, value as AnswerValue);
    if ('code' in checked) {
      const params: Record<string, number> = {};
      const range = rangeOf(q);
      if (range) Object.assign(params, range);
      if (q.type === 'multiple' && q.maxChoices !== null) params.max = q.maxChoices;
      if (q.type === 'short_text') params.max = SURVEY_LIMITS.shortText;
      if (q.type === 'long_text') params.max = SURVEY_LIMITS.longText;
      issues.push({ path: `body.answers.${q.id}`, code: checked.code, params });
    } else if (isAnswered(checked.value)) clean[q.id] = checked.value;
    else if (q.required) issues.push({ path: `body.answers.${q.id}`, code: `${A}.required` });
  }
  return { answers: clean, issues };
}
