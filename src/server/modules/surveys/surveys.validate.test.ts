import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../../core/i18n.js';
import { computeResults, npsOf } from './surveys.results.js';
import { defaultSurvey } from './surveys.template.js';
import { breakingChanges, checkAnswers, definitionIssues } from './surveys.validate.js';

describe('survey rules (pure)', () => {
  it('the default templates are valid in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const)
      expect(definitionIssues(defaultSurvey(lang, '探寻智慧物业，共建美好家园'))).toEqual([]);
  });

  it('has a text in both languages for every code the validator builds at run time', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'surveys.validate.ts'), 'utf8');
    const prefixes: Record<string, string> = {
      V: 'surveys.validation',
      C: 'surveys.change',
      A: 'surveys.answer',
    };
    const codes = [...source.matchAll(/\$\{([VCA])\}\.([a-z_]+)/g)].map(
      ([, p, name]) => `${prefixes[p]}.${name}`,
    );
    expect(codes.length).toBeGreaterThan(15);
    for (const code of new Set(codes))
      for (const lang of ['zh-CN', 'en-US'] as const)
        expect(hasKey(lang, `errors.${code}`), `${lang} ${code}`).toBe(true);
  });

  it('NPS: promoters 9–10, passives 7–8, detractors 0–6', () => {
    expect(npsOf([])).toEqual({ answered: 0, promoters: 0, passives: 0, detractors: 0, score: null });
    expect(npsOf([10, 9, 8, 7, 6, 0])).toEqual({
      answered: 6,
      promoters: 2,
      passives: 2,
      detractors: 2,
      score: 0,
    });
    expect(npsOf([10, 10]).score).toBe(100);
    expect(npsOf([0, 6, 9]).score).toBe(-33.3);
  });

  it('ignores stored values that no longer fit (defensive) and counts nothing twice', () => {
    const def = defaultSurvey('zh-CN', 'x');
    const results = computeResults(def, [
      {
        answers: { overall: 7, nps: 'x' as unknown as number, content_best: ['tour', 'tour'] },
        respondent: null,
      },
    ]);
    const overall = results.questions.find((q) => q.questionId === 'overall');
    expect(overall?.answered).toBe(0);
    expect(results.nps?.answered).toBe(0);
    expect(results.satisfactionAverage).toBeNull();
  });

  it('lists breaking changes, allows additive ones', () => {
    const before = defaultSurvey('zh-CN', 'x');
    expect(breakingChanges(before, structuredClone(before))).toEqual([]);
    const after = structuredClone(before);
    const multiple = after.sections[1].questions[2];
    if (multiple.type === 'multiple') multiple.maxChoices = 1;
    const matrix = after.sections[0].questions[1];
    if (matrix.type === 'matrix') matrix.rows.shift();
    after.sections[4].questions[0] = {
      ...after.sections[4].questions[0],
      type: 'short_text',
      placeholder: null,
    } as never;
    expect(breakingChanges(before, after).map((i) => i.code)).toEqual([
      'surveys.change.row_removed',
      'surveys.change.max_choices_reduced',
      'surveys.change.type_changed',
    ]);
  });

  it('cleans answers: trims texts, de-duplicates choices, drops empty optional answers', () => {
    const def = defaultSurvey('zh-CN', 'x');
    const { answers, issues } = checkAnswers(def, {
      overall: 5,
      organisation: { notice: 1, signin: 2, schedule: 3, route: 4, service: 5 },
      content_value: 1,
      content_best: ['tour', 'tour', 'qa'],
      dimensions: [],
      gain_level: 'none',
      improve: '   ',
      next_topics: ' 红色物业 ',
      nps: 0,
    });
    expect(issues).toEqual([]);
    expect(answers).toEqual({
      overall: 5,
      organisation: { notice: 1, signin: 2, schedule: 3, route: 4, service: 5 },
      content_value: 1,
      content_best: ['tour', 'qa'],
      gain_level: 'none',
      next_topics: '红色物业',
      nps: 0,
    });
  });
});
