import type {
  CheckMethod,
  PointScheme,
  ScoringMode,
  TemplateVersion,
  VersionTreeInput,
} from '../../../../contract/templates.js';

/** The draft as the editor holds it: the saved tree plus a stable React key on every item. */
export type EditorQuestion = { key: string; text: string };
export type EditorPoint = {
  key: string;
  title: string;
  hint: string | null;
  scheme: PointScheme;
  maxPoints: number | null;
  step: number | null;
  weight: number;
  deductionRule: string | null;
  checkMethod: CheckMethod;
  allowNa: boolean;
  questions: EditorQuestion[];
};
export type EditorDimension = {
  key: string;
  name: string;
  description: string | null;
  weight: number;
  maxPoints: number | null;
  points: EditorPoint[];
  questions: EditorQuestion[];
};
export type EditorTree = { scoringMode: ScoringMode; passMark: number | null; dimensions: EditorDimension[] };

let counter = 0;
export const newKey = () => `k${++counter}`;

export const newQuestion = (): EditorQuestion => ({ key: newKey(), text: '' });

export const newPoint = (mode: ScoringMode): EditorPoint => ({
  key: newKey(),
  title: '',
  hint: null,
  scheme: mode === 'points_sum' ? 'points_0_n' : 'stars_1_5',
  maxPoints: mode === 'points_sum' ? 1 : null,
  step: mode === 'points_sum' ? 0.5 : null,
  weight: 1,
  deductionRule: null,
  checkMethod: 'on_site',
  allowNa: true,
  questions: [],
});

export const newDimension = (mode: ScoringMode): EditorDimension => ({
  key: newKey(),
  name: '',
  description: null,
  weight: 1,
  maxPoints: null,
  points: [newPoint(mode)],
  questions: [],
});

export function toEditor(version: TemplateVersion): EditorTree {
  return {
    scoringMode: version.scoringMode,
    passMark: version.passMark,
    dimensions: version.dimensions.map((d) => ({
      ...d,
      key: d.id,
      questions: d.questions.map((q) => ({ key: q.id, text: q.text })),
      points: d.points.map((p) => ({
        ...p,
        key: p.id,
        questions: p.questions.map((q) => ({ key: q.id, text: q.text })),
      })),
    })),
  };
}

const clean = (s: string | null) => (s?.trim() ? s.trim() : null);

/** The body of PUT /template-versions/:id. */
export function toInput(tree: EditorTree): VersionTreeInput {
  return {
    scoringMode: tree.scoringMode,
    passMark: tree.passMark,
    dimensions: tree.dimensions.map((d) => ({
      name: d.name.trim(),
      description: clean(d.description),
      weight: d.weight,
      maxPoints: d.maxPoints,
      questions: d.questions.map((q) => ({ text: q.text.trim() })),
      points: d.points.map((p) => ({
        title: p.title.trim(),
        hint: clean(p.hint),
        scheme: p.scheme,
        maxPoints: p.scheme === 'stars_1_5' || p.scheme === 'unscored' ? null : p.maxPoints,
        step: p.scheme === 'points_0_n' ? p.step : null,
        weight: p.weight,
        deductionRule: clean(p.deductionRule),
        checkMethod: p.checkMethod,
        allowNa: p.allowNa,
        questions: p.questions.map((q) => ({ text: q.text.trim() })),
      })),
    })),
  };
}

/** Moves item i by delta (−1 up, +1 down); returns a new list. */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
}

export const replaceAt = <T>(list: T[], i: number, item: T) => list.map((x, k) => (k === i ? item : x));
export const removeAt = <T>(list: T[], i: number) => list.filter((_, k) => k !== i);
