import type { Question, QuestionType, Section, SurveyDefinition } from '../../../../contract/surveys.js';

/** Short random ids for new sections, questions, options and rows (stable across edits). */
export const newId = (prefix: string) =>
  `${prefix}_${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-3)}`;

const option = (prefix: string) => ({ id: newId(prefix), label: '' });

export function newQuestion(type: QuestionType): Question {
  const base = { id: newId('q'), title: '', description: null, required: false };
  switch (type) {
    case 'rating':
      return { ...base, type, style: 'stars', lowLabel: null, highLabel: null };
    case 'nps':
      return { ...base, type, lowLabel: null, highLabel: null };
    case 'single':
      return { ...base, type, options: [option('o'), option('o')] };
    case 'multiple':
      return { ...base, type, options: [option('o'), option('o')], maxChoices: null };
    case 'matrix':
      return {
        ...base,
        type,
        rows: [option('r'), option('r')],
        scale: 'scale5',
        lowLabel: null,
        highLabel: null,
      };
    case 'short_text':
    case 'long_text':
      return { ...base, type, placeholder: null };
  }
}

/** Another type for a question, keeping what both types share (title, options, scale labels…). */
export function changeType(q: Question, type: QuestionType): Question {
  const next = {
    ...newQuestion(type),
    id: q.id,
    title: q.title,
    description: q.description,
    required: q.required,
  };
  const labels = 'lowLabel' in q ? { lowLabel: q.lowLabel, highLabel: q.highLabel } : {};
  if ((next.type === 'single' || next.type === 'multiple') && (q.type === 'single' || q.type === 'multiple'))
    return { ...next, options: q.options };
  if ((next.type === 'single' || next.type === 'multiple') && q.type === 'matrix')
    return { ...next, options: q.rows };
  if (next.type === 'matrix' && (q.type === 'single' || q.type === 'multiple'))
    return { ...next, rows: q.options, ...labels };
  if (next.type === 'rating' || next.type === 'nps' || next.type === 'matrix') return { ...next, ...labels };
  if (
    (next.type === 'short_text' || next.type === 'long_text') &&
    (q.type === 'short_text' || q.type === 'long_text')
  )
    return { ...next, placeholder: q.placeholder };
  return next;
}

export const newSection = (): Section => ({ id: newId('s'), title: '', description: null, questions: [] });

export function moveItem<T>(items: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

export const replaceAt = <T>(items: T[], index: number, item: T) =>
  items.map((x, i) => (i === index ? item : x));
export const removeAt = <T>(items: T[], index: number) => items.filter((_, i) => i !== index);

/**
 * Moves a question one place up or down; at the edge of its section it goes to the end of the
 * previous section or the start of the next one.
 */
export function moveQuestion(def: SurveyDefinition, si: number, qi: number, delta: -1 | 1): SurveyDefinition {
  const section = def.sections[si];
  const to = qi + delta;
  if (to >= 0 && to < section.questions.length)
    return {
      ...def,
      sections: replaceAt(def.sections, si, {
        ...section,
        questions: moveItem(section.questions, qi, delta),
      }),
    };
  const target = si + delta;
  if (target < 0 || target >= def.sections.length) return def;
  const q = section.questions[qi];
  const sections = def.sections.map((s, i) => {
    if (i === si) return { ...s, questions: removeAt(s.questions, qi) };
    if (i === target) return { ...s, questions: delta < 0 ? [...s.questions, q] : [q, ...s.questions] };
    return s;
  });
  return { ...def, sections };
}

/** Where a question may go: not up from the very first, not down from the very last. */
export function canMove(def: SurveyDefinition, si: number, qi: number, delta: -1 | 1) {
  if (delta < 0) return si > 0 || qi > 0;
  return si < def.sections.length - 1 || qi < def.sections[si].questions.length - 1;
}

/**
 * Once responses exist, what was saved may not be removed, retyped or rescaled (the server
 * refuses with `surveys.change_breaks_responses`): the builder greys those controls out.
 */
export type Locks = { questions: Map<string, Question>; active: boolean };

export function locksOf(saved: SurveyDefinition, responses: number): Locks {
  const questions = new Map<string, Question>();
  if (responses > 0) for (const s of saved.sections) for (const q of s.questions) questions.set(q.id, q);
  return { questions, active: responses > 0 };
}

export const lockedIdsOf = (saved: Question | undefined): Set<string> => {
  if (!saved) return new Set();
  if (saved.type === 'single' || saved.type === 'multiple') return new Set(saved.options.map((o) => o.id));
  if (saved.type === 'matrix') return new Set(saved.rows.map((r) => r.id));
  return new Set();
};

/**
 * A server field path (`body.definition.sections.1.questions.0.options.2.label`) → the path inside
 * the definition (`sections.1.questions.0.options.2.label`), so each card finds its own problems.
 */
export function definitionPath(path: string): string {
  return path.replace(/^(body\.)?(definition\.)?/, '');
}

export type Problem = { path: string; message: string };

/** Problems at `prefix` itself or below it. */
export const problemsAt = (problems: Problem[], prefix: string, exact = false) =>
  problems.filter((p) => (exact ? p.path === prefix : p.path === prefix || p.path.startsWith(`${prefix}.`)));

export const questionCount = (def: SurveyDefinition) =>
  def.sections.reduce((n, s) => n + s.questions.length, 0);
