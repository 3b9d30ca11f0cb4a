import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { surveyFigures } from './surveys.figures.js';
import { buildAttendee, buildSurveyEvent, insertResponse, insertSurvey } from './surveys.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('surveyFigures', () => {
  it('answers zeros and nulls for an event without a survey', async () => {
    const { event } = await buildSurveyEvent(t);
    expect(await surveyFigures(t.ctx(), event.id)).toEqual({
      invited: 0,
      responses: 0,
      responseRate: null,
      satisfactionAverage: null,
      nps: null,
    });
  });

  it('counts the arrived audience, the rate, the normalised satisfaction average and the NPS', async () => {
    const { event, eventSiteId } = await buildSurveyEvent(t);
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await buildAttendee(t.database, event, eventSiteId));
    // Confirmed but never checked in: not in the default (arrived) audience.
    await buildAttendee(t.database, event, eventSiteId, { arrived: false });
    const survey = await insertSurvey(t.database, event.id);
    const grid = { notice: 5, signin: 5, schedule: 3, route: 4, service: 5 };
    await insertResponse(t.database, survey.id, people[0].id, {
      overall: 5,
      organisation: grid,
      content_value: 4,
      gain_level: 'great',
      nps: 10,
    });
    await insertResponse(t.database, survey.id, people[1].id, {
      overall: 3,
      organisation: grid,
      content_value: 2,
      gain_level: 'some',
      nps: 6,
    });
    await insertResponse(t.database, survey.id, people[2].id, {
      overall: 4,
      organisation: grid,
      content_value: 3,
      gain_level: 'some',
      nps: 9,
    });
    const figures = await surveyFigures(t.ctx(), event.id);
    expect(figures.invited).toBe(4);
    expect(figures.responses).toBe(3);
    expect(figures.responseRate).toBe(0.75);
    // Items: overall mean 4, content mean 3, matrix rows 5, 5, 3, 4, 5 (all on 1–5 scales):
    // (4 + 3 + 5 + 5 + 3 + 4 + 5) / 7 = 4.142857…
    expect(figures.satisfactionAverage).toBe(4.14);
    // Promoters 2 (10, 9), detractors 1 (6) of 3: (2 − 1) / 3 × 100 = 33.3.
    expect(figures.nps).toBe(33.3);
  });

  it('normalises 1–10 ratings to 1–5 and counts nobody invited before the survey opened', async () => {
    const { event, eventSiteId } = await buildSurveyEvent(t);
    const a = await buildAttendee(t.database, event, eventSiteId);
    const survey = await insertSurvey(
      t.database,
      event.id,
      { status: 'draft', openedAt: null },
      {
        title: '测试',
        intro: null,
        thanks: null,
        sections: [
          {
            id: 's',
            title: '评分',
            description: null,
            questions: [
              {
                id: 'ten',
                type: 'rating',
                style: 'scale10',
                title: '十分制',
                description: null,
                required: true,
                lowLabel: null,
                highLabel: null,
              },
            ],
          },
        ],
      },
    );
    await insertResponse(t.database, survey.id, a.id, { ten: 10 });
    const figures = await surveyFigures(t.ctx(), event.id);
    expect(figures).toMatchObject({ invited: 0, responses: 1, responseRate: null, nps: null });
    expect(figures.satisfactionAverage).toBe(5);
  });
});
