import { describe, expect, it } from 'vitest';
import { type SurveyDefinition, surveyDefinitionSchema } from '../../../../contract/surveys.js';
import { canMove, changeType, definitionPath, locksOf, moveQuestion, newQuestion } from './editorModel.js';

const def: SurveyDefinition = surveyDefinitionSchema.parse({
  title: 'T',
  sections: [
    { id: 's1', title: 'A', questions: [newQuestion('rating'), newQuestion('single')] },
    { id: 's2', title: 'B', questions: [newQuestion('nps')] },
  ],
});
const ids = (d: SurveyDefinition) => d.sections.map((s) => s.questions.map((q) => q.type));

describe('survey builder model', () => {
  it('makes new questions the contract accepts, with unique ids', () => {
    const types = ['rating', 'nps', 'single', 'multiple', 'matrix', 'short_text', 'long_text'] as const;
    const questions = types.map(newQuestion);
    expect(new Set(questions.map((q) => q.id)).size).toBe(types.length);
    const parsed = surveyDefinitionSchema.safeParse({
      title: 'x',
      sections: [{ id: 's', title: 's', questions }],
    });
    expect(parsed.success).toBe(true);
  });

  it('moves a question within its section and across the section edge', () => {
    expect(ids(moveQuestion(def, 0, 0, 1))).toEqual([['single', 'rating'], ['nps']]);
    expect(ids(moveQuestion(def, 0, 1, 1))).toEqual([['rating'], ['single', 'nps']]);
    expect(ids(moveQuestion(def, 1, 0, -1))).toEqual([['rating', 'single', 'nps'], []]);
    expect(canMove(def, 0, 0, -1)).toBe(false);
    expect(canMove(def, 1, 0, 1)).toBe(false);
    expect(moveQuestion(def, 1, 0, 1)).toBe(def);
  });

  it('keeps id, title and options when the type changes between related types', () => {
    const single = { ...newQuestion('single'), title: '哪项最好' } as Extract<
      ReturnType<typeof newQuestion>,
      { type: 'single' }
    >;
    const multiple = changeType(single, 'multiple');
    expect(multiple).toMatchObject({
      id: single.id,
      title: '哪项最好',
      type: 'multiple',
      options: single.options,
    });
    const matrix = changeType(multiple, 'matrix');
    expect(matrix).toMatchObject({ type: 'matrix', rows: single.options });
  });

  it('locks what was saved only once responses exist', () => {
    expect(locksOf(def, 0).questions.size).toBe(0);
    expect([...locksOf(def, 2).questions.keys()]).toEqual(
      def.sections.flatMap((s) => s.questions.map((q) => q.id)),
    );
  });

  it('reads server paths relative to the definition', () => {
    expect(definitionPath('body.definition.sections.1.questions.0.title')).toBe(
      'sections.1.questions.0.title',
    );
    expect(definitionPath('body.sections.0.title')).toBe('sections.0.title');
    expect(definitionPath('title')).toBe('title');
  });
});
