import { and, asc, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import { sites } from '../sites/sites.table.js';
import { defaultTemplateVersionId } from '../templates/seed/seed.service.js';
import { templateDimensions } from '../templates/templates.table.js';
import { users } from '../users/users.table.js';
import { addDays, todayInChina } from './events.dates.js';
import { transitionEvent } from './events.lifecycle.js';
import { THEME_SUGGESTIONS } from './events.seed.js';
import { createEvent } from './events.service.js';

/**
 * The demo story's event: three weeks ahead, half a day at the demo host's site and one more,
 * the seed's agenda and route, published so members can register. Needs the demo sites and the
 * default template; does nothing without them.
 */
export async function loadDemoEvent(ctx: Ctx) {
  const [admin] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(asc(users.createdAt))
    .limit(1);
  const [host] = await ctx.db
    .select({ siteId: users.siteId })
    .from(users)
    .where(eq(users.email, 'host@demo.guanmo.cn'));
  const versionId = await defaultTemplateVersionId(ctx);
  if (!admin || !host?.siteId || !versionId) return null;
  const [other] = await ctx.db
    .select({ id: sites.id })
    .from(sites)
    .where(and(ne(sites.id, host.siteId), eq(sites.willingness, 'yes')))
    .orderBy(asc(sites.createdAt))
    .limit(1);
  const dims = await ctx.db
    .select({ id: templateDimensions.id })
    .from(templateDimensions)
    .where(eq(templateDimensions.versionId, versionId))
    .orderBy(asc(templateDimensions.position));
  const as: Ctx = {
    ...ctx,
    actor: { userId: admin.id, name: admin.name, role: 'admin', memberUnitId: null, siteId: null },
  };
  const eventDate = addDays(todayInChina(ctx.clock), 21);
  const event = await createEvent(as, {
    theme: THEME_SUGGESTIONS[ctx.lang][0],
    objectives: ['learn_experience', 'exchange', 'innovation', 'benchmark'],
    focusDimensionIds: dims.slice(0, 2).map((d) => d.id),
    eventDate,
    format: 'half_day',
    sites: [host.siteId, ...(other ? [other.id] : [])].map((siteId) => ({ siteId, capacity: 30 })),
    templateVersionId: versionId,
    capacity: 60,
    fee: 0,
    registrationDeadline: `${addDays(eventDate, -4)}T18:00:00+08:00`,
    meetingPoint: '各参观项目营销中心',
    contactName: '协会秘书处 王老师',
    contactPhone: '13800000002',
    seriesName: '标杆小区观摩',
    issueNumber: 1,
  });
  await applyAgendaTemplate(as, event.id, 'half_day');
  for (const site of event.sites) await applyDefaultRoute(as, event.id, site.id);
  await transitionEvent(as, event.id, 'published');
  return event.id;
}
