import type { EventInput } from '../../../contract/events.js';
import type { Ctx } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { buildUser, nextSerial } from '../../test/factories.js';
import { actorOf, type TestApp } from '../../test/harness.js';
import { sites } from '../sites/sites.table.js';
import { defaultTemplateVersionId, ensureDefaultTemplates } from '../templates/seed/seed.service.js';
import { createEvent } from './events.service.js';

/** A benchmark site row with the columns an event needs. */
export async function buildSite(db: Database, overrides: Partial<typeof sites.$inferInsert> = {}) {
  const [row] = await db.db
    .insert(sites)
    .values({
      name: `测试标杆小区${nextSerial()}`,
      projectType: 'residential',
      willingness: 'yes',
      ...overrides,
    })
    .returning();
  return row;
}

/** The published version of the seeded default template (the seed's five dimensions). */
export async function defaultVersionId(ctx: Ctx): Promise<string> {
  await ensureDefaultTemplates(ctx);
  const id = await defaultTemplateVersionId(ctx);
  if (!id) throw new Error('the default template has no published version');
  return id;
}

/** A valid event input: a full day a month ahead, one site, the notice fields complete. */
export function eventInput(siteIds: string[], overrides: Partial<EventInput> = {}): EventInput {
  return {
    theme: '探寻智慧物业，共建美好家园',
    objectives: ['learn_experience', 'exchange'],
    focusDimensionIds: [],
    eventDate: '2026-12-18',
    format: 'half_day',
    sites: siteIds.map((siteId) => ({ siteId, capacity: 40 })),
    templateVersionId: null,
    capacity: 60,
    fee: 0,
    registrationDeadline: '2026-12-15T18:00:00+08:00',
    meetingPoint: '项目营销中心',
    contactName: '王老师',
    contactPhone: '13800138000',
    ...overrides,
  };
}

/** A staff user and a ctx acting as them. */
export async function buildStaff(t: TestApp) {
  const staff = await buildUser(t.database, { role: 'staff' });
  return { staff, ctx: t.ctx(actorOf(staff)) };
}

/** An event made through the service as a staff user; a missing site is made too. */
export async function buildEvent(t: TestApp, overrides: Partial<EventInput> = {}) {
  const { staff, ctx } = await buildStaff(t);
  const siteIds = overrides.sites ? [] : [(await buildSite(t.database)).id];
  const event = await createEvent(ctx, eventInput(siteIds, overrides));
  return { event, ctx, staff };
}
