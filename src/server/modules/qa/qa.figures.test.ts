import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaSource, QaStatus } from '../../../contract/qa.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildObservedEvent, buildPass } from '../observations/observations.fixtures.js';
import { qaFigures } from './qa.figures.js';
import { qaQuestions } from './qa.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('qaFigures', () => {
  it('is all zeros for an event without questions', async () => {
    const { event } = await buildObservedEvent(t);
    expect(await qaFigures(t.ctx(), event.id)).toEqual({
      asked: 0,
      answered: 0,
      bySource: { prepared: 0, registration: 0, observation: 0, live: 0 },
      votes: 0,
    });
  });

  it('counts asked, answered, per source and votes, leaving out hidden, merged and unapproved imported questions', async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const other = await buildObservedEvent(t);
    const pass = await buildPass(t.database, event, eventSiteId);
    const q = (source: QaSource, status: QaStatus, votes: number, eventId = event.id) => ({
      eventId,
      source,
      status,
      votes,
      text: `${source} ${status}`,
      registrationId: source === 'prepared' ? null : pass.id,
    });
    await t.database.db
      .insert(qaQuestions)
      .values([
        q('prepared', 'approved', 2),
        q('prepared', 'answered', 1),
        q('registration', 'pending', 0),
        q('prepared', 'pending', 0),
        q('registration', 'approved', 1),
        q('live', 'pending', 0),
        q('observation', 'answered', 4),
        q('live', 'approved', 3),
        q('live', 'hidden', 7),
        q('live', 'merged', 0),
        q('live', 'approved', 9, other.event.id),
      ]);
    expect(await qaFigures(t.ctx(), event.id)).toEqual({
      asked: 6,
      answered: 2,
      bySource: { prepared: 2, registration: 1, observation: 1, live: 2 },
      votes: 11,
    });
  });
});
