import { describe, expect, it } from 'vitest';
import { type SurveyDefinition, surveyDefinitionSchema } from '../../../contract/surveys.js';
import {
  answerIssues,
  answersToSend,
  firstProblem,
  isAnswered,
  nextSingleChoice,
  oneLine,
  progressOf,
  questionIdOfPath,
} from './answers.js';

const definition: SurveyDefinition = surveyDefinitionSchema.parse({
  title: '满意度调查',
  sections: [
    {
      id: 's1',
      title: '组织',
      questions: [
        { id: 'overall', type: 'rating', style: 'stars', title: '总体', required: true },
        {
          id: 'grid',
          type: 'matrix',
          scale: 'scale5',
          title: '组织安排',
          required: true,
          rows: [
            { id: 'a', label: '通知' },
            { id: 'b', label: '签到' },
          ],
        },
        {
          id: 'best',
          type: 'multiple',
          title: '收获最大',
          maxChoices: 2,
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
            { id: 'z', label: 'Z' },
          ],
        },
      ],
    },
    {
      id: 's2',
      title: '建议',
      questions: [
        { id: 'nps', type: 'nps', title: '推荐', required: true },
        { id: 'text', type: 'short_text', title: '建议' },
      ],
    },
  ],
});

describe('survey answers on the phone', () => {
  it('treats empty strings, lists and grids as not answered, and 0 as an answer', () => {
    expect([undefined, null, '', '  ', [], {}].map((v) => isAnswered(v as never))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isAnswered(0)).toBe(true);
  });

  it('lists every missing required answer, in the order of the form', () => {
    expect(Object.keys(answerIssues(definition, {}))).toEqual(['overall', 'grid', 'nps']);
  });

  it('asks for every row of a required matrix', () => {
    const issues = answerIssues(definition, { overall: 4, grid: { a: 3 }, nps: 0 });
    expect(issues).toEqual({ grid: { key: 'attendee.survey.errors.allRows' } });
  });

  it('refuses more choices than allowed and too long texts', () => {
    const issues = answerIssues(definition, {
      overall: 4,
      grid: { a: 3, b: 5 },
      nps: 10,
      best: ['x', 'y', 'z'],
      text: 'x'.repeat(201),
    });
    expect(issues).toEqual({
      best: { key: 'attendee.survey.errors.tooMany', params: { max: 2 } },
      text: { key: 'attendee.survey.errors.tooLong', params: { max: 200 } },
    });
  });

  it('sends only answered questions of the definition, texts trimmed', () => {
    expect(answersToSend(definition, { overall: 5, best: [], text: '  好 ', stale: 3, nps: 0 })).toEqual({
      overall: 5,
      text: '好',
      nps: 0,
    });
  });

  it('counts progress and the required answers still open', () => {
    expect(progressOf(definition, { overall: 5, grid: { a: 1 } })).toEqual({
      answered: 2,
      total: 5,
      requiredLeft: 2,
    });
  });

  it('finds the question of a server field error', () => {
    expect(questionIdOfPath('body.answers.content_value')).toBe('content_value');
    expect(questionIdOfPath('body.answers')).toBeNull();
  });

  it('goes to the first problem in the order of the form, whatever order the errors came in', () => {
    expect(firstProblem(definition, { nps: 'x', grid: 'y' })).toBe('grid');
    expect(firstProblem(definition, { stale: 'x' })).toBeNull();
    expect(firstProblem(definition, {})).toBeNull();
  });

  it('clears an optional single choice tapped again, never a required one', () => {
    expect(nextSingleChoice(false, undefined, 'a')).toBe('a');
    expect(nextSingleChoice(false, 'a', 'b')).toBe('b');
    expect(nextSingleChoice(false, 'a', 'a')).toBeNull();
    expect(nextSingleChoice(true, 'a', 'a')).toBe('a');
  });

  it('keeps a short text on one line', () => {
    expect(oneLine('老旧小区\n改造\r\n红色物业')).toBe('老旧小区 改造 红色物业');
  });
});
