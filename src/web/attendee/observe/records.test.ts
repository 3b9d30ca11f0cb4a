import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../contract/observations.js';
import { fitWithin } from './image.js';
import { currentStopId, isNewerPosition, pointsById, reportedStopId, stopsInOrder } from './progress.js';
import { applyObservation, type LocalRecord, mergeView } from './records.js';
import { pointSteps } from './score-steps.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const point = (n: number, scheme: 'stars_1_5' | 'unscored' = 'stars_1_5') => ({
  id: id(n),
  title: `P${n}`,
  hint: null,
  scheme,
  maxPoints: null,
  step: null,
  weight: 1,
  deductionRule: null,
  checkMethod: 'on_site' as const,
  allowNa: true,
  questions: [],
});
const at = '2026-12-04T06:00:00.000Z';

function card(): Scorecard {
  return {
    event: { id: id(900), theme: 'x', eventDate: '2026-12-04', status: 'published', readOnly: false },
    registration: { id: id(901), name: 'a', eventSiteId: id(902), siteName: 's', status: 'confirmed' },
    template: {
      id: id(903),
      number: 1,
      status: 'published',
      publishedAt: at,
      publishedByName: null,
      createdAt: at,
      updatedAt: at,
      templateId: id(904),
      templateName: 't',
      templateKind: 'observation',
      scoringMode: 'weighted_average',
      passMark: null,
      dimensions: [
        {
          id: id(100),
          name: 'D',
          description: null,
          weight: 1,
          maxPoints: null,
          questions: [],
          points: [point(1), point(2), point(3, 'unscored')],
        },
      ],
    },
    stops: [
      {
        id: id(200),
        position: 0,
        name: 'A',
        minutes: 10,
        pointIds: [id(1)],
        dimensionIds: [id(100)],
        guideNotes: null,
      },
      {
        id: id(201),
        position: 1,
        name: 'B',
        minutes: 10,
        pointIds: [id(2), id(3)],
        dimensionIds: [id(100)],
        guideNotes: null,
      },
    ],
    group: null,
    observations: [
      {
        id: id(300),
        pointId: id(1),
        dimensionId: id(100),
        score: 3,
        na: false,
        answers: [],
        updatedAt: at,
        createdAt: at,
      },
    ],
    notes: [],
    progress: { totalPoints: 2, scored: 1, na: 0, notes: 0, photos: 0, byDimension: [] },
    submittedAt: null,
    sharedDimensionIds: [],
  };
}

const base = { token: 'tok', rev: 1, state: 'pending' as const, attempts: 0 };
const noPhotoUrl = () => 'blob:x';

describe('the scorecard view (server copy + outbox)', () => {
  it('shows a local score over the stored one and counts it as unsent', () => {
    const records: LocalRecord[] = [
      {
        ...base,
        id: id(300),
        seq: 1,
        type: 'observation',
        body: { pointId: id(1), score: 5, na: false, answers: [], updatedAt: at },
      },
    ];
    const view = mergeView(card(), records, noPhotoUrl);
    expect(view.observations.get(id(1))).toMatchObject({ score: 5, unsent: true });
    expect(view.pending).toBe(1);
  });

  it('hides a note deleted on the phone and adds a local photo to its note', () => {
    const c = card();
    c.notes = [
      {
        id: id(400),
        kind: 'problem',
        text: 'server note',
        shared: true,
        pointId: id(1),
        dimensionId: id(100),
        routeStopId: null,
        sentToQa: false,
        votes: 0,
        votedByMe: false,
        mine: true,
        photos: [],
        updatedAt: at,
        createdAt: at,
      },
    ];
    const note = {
      kind: 'highlight' as const,
      text: 'new',
      shared: false,
      pointId: null,
      routeStopId: id(200),
      sentToQa: false,
      updatedAt: at,
    };
    const records: LocalRecord[] = [
      { ...base, id: id(400), seq: 1, type: 'note', deleted: true, createdAt: at, body: note },
      { ...base, id: id(401), seq: 2, type: 'note', deleted: false, createdAt: at, body: note },
      {
        ...base,
        id: id(500),
        seq: 3,
        type: 'photo',
        noteId: id(401),
        blob: new Blob(['x']),
        original: null,
        width: 1,
        height: 1,
        createdAt: at,
      },
    ];
    const view = mergeView(c, records, noPhotoUrl);
    expect(view.notes.map((n) => n.id)).toEqual([id(401)]);
    expect(view.notes[0].photos).toEqual([
      { id: id(500), url: 'blob:x', thumbUrl: 'blob:x', local: true, error: undefined },
    ]);
  });

  it('lists refused records as stuck', () => {
    const records: LocalRecord[] = [
      { ...base, state: 'error', error: 'nope', id: 'submit-tok', seq: 1, type: 'submit' },
    ];
    const view = mergeView(card(), records, noPhotoUrl);
    expect(view.stuck).toHaveLength(1);
    expect(view.submitted).toBe(true);
  });

  it('replaces the stored observation of a point with the server reply, whatever its id', () => {
    const saved = { ...card().observations[0], id: id(301), score: 4 };
    expect(applyObservation(card(), saved).observations).toEqual([saved]);
  });

  it('puts the first stop with a point left to score first (unscored points do not count)', () => {
    const c = card();
    expect(currentStopId(c, mergeView(c, [], noPhotoUrl), pointsById(c))).toBe(id(201));
    c.observations.push({ ...c.observations[0], id: id(302), pointId: id(2) });
    expect(currentStopId(c, mergeView(c, [], noPhotoUrl), pointsById(c))).toBe(id(200));
  });

  it('puts the stop where the guide reported the group first, whatever is left to score', () => {
    const c = card();
    const group = { id: id(400), name: '第1组' };
    c.group = { ...group, current: { routeStopId: id(200), stopName: 'A', at } };
    expect(currentStopId(c, mergeView(c, [], noPhotoUrl), pointsById(c))).toBe(id(200));
    expect(stopsInOrder(c.stops, id(201)).map((s) => s.name)).toEqual(['B', 'A']);
    expect(stopsInOrder(c.stops, id(200)).map((s) => s.name)).toEqual(['A', 'B']);
    expect(stopsInOrder(c.stops, null).map((s) => s.name)).toEqual(['A', 'B']);
    // After a route edit the report keeps only the stop's name.
    c.group = { ...group, current: { routeStopId: null, stopName: 'B', at } };
    expect(reportedStopId(c)).toBe(id(201));
    // A stop no longer on the route, no report, no group, or a card cached before groups: time/progress order.
    for (const g of [
      { ...group, current: { routeStopId: id(999), stopName: 'Z', at } },
      { ...group, current: null },
      null,
      undefined,
    ]) {
      c.group = g as Scorecard['group'];
      expect(reportedStopId(c)).toBeNull();
      expect(currentStopId(c, mergeView(c, [], noPhotoUrl), pointsById(c))).toBe(id(201));
    }
  });

  it('refetches only for a report about its own group newer than the one it knows', () => {
    const c = card();
    expect(isNewerPosition(c, { groupId: id(400), at })).toBe(false);
    c.group = { id: id(400), name: 'g', current: null };
    expect(isNewerPosition(c, { groupId: id(400), at })).toBe(true);
    expect(isNewerPosition(c, { groupId: id(401), at })).toBe(false);
    expect(isNewerPosition(c, { groupId: id(400) })).toBe(false);
    c.group.current = { routeStopId: id(200), stopName: 'A', at };
    expect(isNewerPosition(c, { groupId: id(400), at })).toBe(false);
    expect(isNewerPosition(c, { groupId: id(400), at: '2026-12-04T05:59:00.000Z' })).toBe(false);
    expect(isNewerPosition(c, { groupId: id(400), at: '2026-12-04T06:01:00.000Z' })).toBe(true);
    expect(isNewerPosition(null, { groupId: id(400), at })).toBe(false);
  });
});

describe('photo size and point steps', () => {
  it('fits a camera picture within 1600 px keeping the ratio, and leaves small ones alone', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1200, 2400)).toEqual({ width: 800, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('offers 0 … max in steps, ending on max', () => {
    expect(pointSteps({ maxPoints: 2, step: 0.5 })).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(pointSteps({ maxPoints: 5, step: 2 })).toEqual([0, 2, 4, 5]);
    expect(pointSteps({ maxPoints: null, step: null })).toHaveLength(11);
  });
});
