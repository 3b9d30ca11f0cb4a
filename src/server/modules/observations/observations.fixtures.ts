import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RegistrationStatus } from '../../../contract/registrations.js';
import type { Database } from '../../db/client.js';
import { nextSerial } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { defaultVersionId } from '../events/events.factories.js';
import { events } from '../events/events.table.js';
import { buildOpenEvent } from '../registrations/registrations.factories.js';
import { registrations } from '../registrations/registrations.table.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import {
  templateDimensions,
  templatePoints,
  templateQuestions,
  templates,
  templateVersions,
} from '../templates/templates.table.js';
import { loadVersion } from '../templates/templates.tree.js';

/**
 * A published event observed with the seeded five-dimension template (or the given version),
 * its one site with the seed's default route (six stops with their points).
 */
export async function buildObservedEvent(t: TestApp, versionId?: string) {
  const templateVersionId = versionId ?? (await defaultVersionId(t.ctx()));
  const { event, ctx, staff } = await buildOpenEvent(t, { templateVersionId });
  const eventSiteId = event.sites[0].id;
  await applyDefaultRoute(ctx, event.id, eventSiteId);
  const version = await loadVersion(t.ctx(), templateVersionId);
  return { event, eventSiteId, staff, staffCtx: ctx, version };
}

export async function setEventStatus(
  db: Database,
  eventId: string,
  status: typeof events.$inferSelect.status,
) {
  await db.db.update(events).set({ status }).where(eq(events.id, eventId));
}

/** A registration (a pass) of the event site; confirmed unless told otherwise. */
export async function buildPass(
  db: Database,
  event: { id: string },
  eventSiteId: string,
  status: RegistrationStatus = 'confirmed',
) {
  const n = nextSerial();
  const [row] = await db.db
    .insert(registrations)
    .values({
      eventId: event.id,
      eventSiteId,
      status,
      unitName: `观摩测试物业${n}`,
      name: `参会人${n}`,
      passToken: randomBytes(24).toString('base64url'),
    })
    .returning();
  return row;
}

/**
 * A published points table (points_sum) like docs/templates.md's example: one section with items
 * of 2 and 1 points (steps of 0.5) and a yes/no item worth 2, all allowing N/A.
 */
export async function buildPointsTemplate(db: Database) {
  const [template] = await db.db
    .insert(templates)
    .values({ name: `考评表${nextSerial()}`, kind: 'assessment' })
    .returning();
  const [version] = await db.db
    .insert(templateVersions)
    .values({
      templateId: template.id,
      number: 1,
      status: 'published',
      scoringMode: 'points_sum',
      passMark: 90,
      publishedAt: new Date(),
    })
    .returning();
  const dimensionId = randomUUID();
  await db.db.insert(templateDimensions).values({
    id: dimensionId,
    versionId: version.id,
    position: 0,
    name: '基础管理',
    weight: 1,
    maxPoints: 5,
  });
  const point = (
    position: number,
    title: string,
    scheme: string,
    maxPoints: number,
    step: number | null,
  ) => ({
    id: randomUUID(),
    versionId: version.id,
    dimensionId,
    position,
    title,
    scheme,
    maxPoints,
    step,
    weight: 1,
    deductionRule: '缺一项扣0.5分',
    checkMethod: 'documents',
    allowNa: true,
  });
  const points = [
    point(0, '制度健全', 'points_0_n', 2, 0.5),
    point(1, '档案完整', 'points_0_n', 1, 0.5),
    point(2, '公示上墙', 'yes_no_na', 2, null),
  ];
  await db.db.insert(templatePoints).values(points);
  await db.db
    .insert(templateQuestions)
    .values({ versionId: version.id, dimensionId, pointId: null, position: 0, text: '制度如何执行?' });
  return { versionId: version.id, pointIds: points.map((p) => p.id) };
}
