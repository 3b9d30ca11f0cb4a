import {
  type Answers,
  type AnswerValue,
  NPS_RANGE,
  type NpsSummary,
  type Question,
  type QuestionResult,
  SCALE_RANGE,
  type SurveyDefinition,
} from '../../../contract/surveys.js';

/**
 * The survey's figures, from the definition and the stored responses. Pure functions.
 *
 * - Averages: arithmetic mean of the answered values, 2 decimals.
 * - NPS (Net Promoter Score): promoters answer 9–10, passives 7–8, detractors 0–6;
 *   score = (promoters − detractors) ÷ answered × 100, 1 decimal, −100…100.
 * - Satisfaction average: every rating item (a rating question, or one row of a matrix) gets its
 *   mean, normalised to 1–5 (v ↦ 1 + 4·(v − min)/(max − min), so 10 on a 1–10 scale is 5 and 1
 *   is 1); the satisfaction average is the mean of those item means, 2 decimals. NPS questions
 *   are not part of it (they measure willingness to recommend, reported on their own).
 * - Choice shares: count ÷ respondents who answered the question (a multiple-choice question's
 *   shares can add up to more than 1).
 */

export type ResponseForResults = {
  answers: Answers;
  /** Null when the survey is anonymous (the caller decides). */
  respondent: { name: string; unitName: string } | null;
};

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

export const allQuestions = (definition: SurveyDefinition) =>
  definition.sections.flatMap((s) => s.questions.map((q) => ({ question: q, sectionId: s.id })));

export function rangeOf(question: Question): { min: number; max: number } | null {
  if (question.type === 'rating') return SCALE_RANGE[question.style];
  if (question.type === 'matrix') return SCALE_RANGE[question.scale];
  if (question.type === 'nps') return NPS_RANGE;
  return null;
}

const isInt = (v: AnswerValue | undefined): v is number => typeof v === 'number' && Number.isInteger(v);

/** A stored value counts as an answer when it is present and not empty. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function distribution(values: number[], min: number, max: number) {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Array.from({ length: max - min + 1 }, (_, i) => ({
    value: min + i,
    count: counts.get(min + i) ?? 0,
  }));
}

export function npsOf(values: number[]): NpsSummary {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const answered = values.length;
  return {
    answered,
    promoters,
    passives: answered - promoters - detractors,
    detractors,
    score: answered ? round(((promoters - detractors) / answered) * 100, 1) : null,
  };
}

/** Values of a numeric question within its range (anything else is ignored). */
function numbers(values: (AnswerValue | undefined)[], min: number, max: number): number[] {
  return values.filter(isInt).filter((v) => v >= min && v <= max);
}

const normalise = (value: number, min: number, max: number) => 1 + (4 * (value - min)) / (max - min);

export function computeResults(definition: SurveyDefinition, responses: ResponseForResults[]) {
  const questions: QuestionResult[] = [];
  /** Normalised (1–5) means of every rating item. */
  const itemMeans: number[] = [];
  let headlineNps: NpsSummary | null = null;

  for (const { question: q, sectionId } of allQuestions(definition)) {
    const values = responses.map((r) => r.answers[q.id]);
    const base = {
      questionId: q.id,
      sectionId,
      title: q.title,
      required: q.required,
      answered: values.filter(isAnswered).length,
    };
    switch (q.type) {
      case 'rating': {
        const { min, max } = SCALE_RANGE[q.style];
        const nums = numbers(values, min, max);
        const avg = mean(nums);
        if (avg !== null) itemMeans.push(normalise(avg, min, max));
        questions.push({
          ...base,
          answered: nums.length,
          type: 'rating',
          style: q.style,
          min,
          max,
          average: avg === null ? null : round(avg, 2),
          distribution: distribution(nums, min, max),
        });
        break;
      }
      case 'nps': {
        const nums = numbers(values, NPS_RANGE.min, NPS_RANGE.max);
        const avg = mean(nums);
        const nps = npsOf(nums);
        headlineNps ??= nps;
        questions.push({
          ...base,
          answered: nums.length,
          type: 'nps',
          average: avg === null ? null : round(avg, 2),
          distribution: distribution(nums, NPS_RANGE.min, NPS_RANGE.max),
          nps,
        });
        break;
      }
      case 'single':
      case 'multiple': {
        const chosen = values.map((v) =>
          typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [],
        );
        const answered = chosen.filter((c) => c.length > 0).length;
        const options = q.options.map((o) => {
          const count = chosen.filter((c) => c.includes(o.id)).length;
          return { optionId: o.id, label: o.label, count, share: answered ? round(count / answered, 4) : 0 };
        });
        questions.push({ ...base, answered, type: q.type, options });
        break;
      }
      case 'matrix': {
        const { min, max } = SCALE_RANGE[q.scale];
        const grids = values.map((v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {},
        );
        const rows = q.rows.map((row) => {
          const nums = numbers(
            grids.map((g) => g[row.id]),
            min,
            max,
          );
          const avg = mean(nums);
          if (avg !== null) itemMeans.push(normalise(avg, min, max));
          return {
            rowId: row.id,
            label: row.label,
            answered: nums.length,
            average: avg === null ? null : round(avg, 2),
            distribution: distribution(nums, min, max),
          };
        });
        const answered = grids.filter((g) => q.rows.some((row) => isInt(g[row.id]))).length;
        questions.push({ ...base, answered, type: 'matrix', scale: q.scale, min, max, rows });
        break;
      }
      case 'short_text':
      case 'long_text': {
        const answers = responses
          .map((r) => ({ value: r.answers[q.id], respondent: r.respondent }))
          .filter(
            (a): a is { value: string; respondent: ResponseForResults['respondent'] } =>
              typeof a.value === 'string' && a.value.trim() !== '',
          )
          .map((a) => ({ text: a.value.trim(), respondent: a.respondent }));
        questions.push({ ...base, answered: answers.length, type: q.type, answers });
        break;
      }
    }
  }

  const satisfaction = mean(itemMeans);
  return {
    questions,
    satisfactionAverage: satisfaction === null ? null : round(satisfaction, 2),
    nps: headlineNps as NpsSummary | null,
  };
}
