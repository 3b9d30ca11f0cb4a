import { eventInputSchema } from '../../../contract/events.js';
import { siteInputSchema } from '../../../contract/sites.js';
import type { Ctx } from '../../core/context.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { addDays, todayInChina } from '../events/events.dates.js';
import { transitionEvent } from '../events/events.lifecycle.js';
import { createEvent } from '../events/events.service.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import { createSite } from '../sites/sites.service.js';
import { defaultTemplateVersionId, ensureDefaultTemplates } from '../templates/seed/seed.service.js';

let serial = 0;

/**
 * A fully planned event through the planning modules' own services (staff ctx): a site, the
 * seed's half-day agenda, the default route and the default template; published unless asked.
 */
export async function plannedEvent(staff: Ctx, options: { publish?: boolean; slug?: string } = {}) {
  await ensureDefaultTemplates(staff);
  const templateVersionId = await defaultTemplateVersionId(staff);
  const n = ++serial + Math.floor(Math.random() * 1e6);
  const site = await createSite(
    staff,
    siteInputSchema.parse({
      name: `阳光花园小区${n}`,
      address: '示例市示例区幸福路88号',
      projectType: 'luxury_residential',
      households: 1200,
      areaM2: 180000,
      managingCompany: '示例物业服务有限公司',
      willingness: 'yes',
      description: '项目获评省级优秀物业管理小区，智慧物业平台覆盖报修、缴费、通知等服务。',
      tags: ['智慧物业'],
    }),
  );
  const eventDate = addDays(todayInChina(staff.clock), 20);
  const event = await createEvent(
    staff,
    eventInputSchema.parse({
      theme: '探寻智慧物业，共建美好家园',
      objectives: ['learn_experience', 'exchange'],
      eventDate,
      format: 'half_day',
      sites: [{ siteId: site.id, capacity: 60 }],
      templateVersionId,
      capacity: 60,
      fee: 0,
      registrationDeadline: `${addDays(eventDate, -5)}T17:00:00+08:00`,
      meetingPoint: '项目营销中心',
      contactName: '王老师',
      contactPhone: '0755-12345678',
      notes: '请着正装出席。\n遵守小区规定，不大声喧哗，不随意触碰设施，拍照时注意保护业主隐私。',
      slug: options.slug ?? `doc-${n}`,
    }),
  );
  await applyAgendaTemplate(staff, event.id, 'half_day');
  await applyDefaultRoute(staff, event.id, event.sites[0].id);
  if (options.publish !== false) await transitionEvent(staff, event.id, 'published');
  return { event, site };
}
