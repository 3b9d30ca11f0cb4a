import type { EventDashboard } from '../../../contract/events.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { agendaOf } from '../agenda/agenda.service.js';
import { checklistOf } from '../checklists/checklists.service.js';
import { materialsOf } from '../materials/materials.service.js';
import { routeOf } from '../route-stops/route-stops.service.js';
import { registrationCount } from './events.attendance.js';
import { loadEvent } from './events.guard.js';
import { transitionChecks } from './events.lifecycle.js';
import { eventsPolicy } from './events.policy.js';
import { eventById } from './events.service.js';

/** Everything the event page shows at a glance: next moves and their blockers, overdue tasks, progress. */
export async function getEventDashboard(ctx: Ctx, id: string): Promise<EventDashboard> {
  authorize(ctx, eventsPolicy, 'read');
  const row = await loadEvent(ctx, id);
  const [event, transitions, agenda, route, checklist, materials, registrations] = await Promise.all([
    eventById(ctx, id),
    transitionChecks(ctx, row),
    agendaOf(ctx, id),
    routeOf(ctx, id),
    checklistOf(ctx, id),
    materialsOf(ctx, id),
    registrationCount(ctx, id),
  ]);
  return {
    event,
    transitions,
    overdueTasks: checklist.tasks
      .filter((task) => task.overdue)
      .map((task) => ({
        id: task.id,
        title: task.title,
        dueDate: task.dueDate,
        assigneeName: task.assigneeName,
      })),
    tasks: {
      total: checklist.tasks.length,
      done: checklist.tasks.filter((task) => task.status === 'done').length,
    },
    agenda: {
      items: agenda.items.length,
      warnings: agenda.warnings.length,
      publishedVersion: agenda.publishedVersion,
      unpublishedChanges: agenda.changes.length > 0,
    },
    route: route.sites.map((s) => ({
      eventSiteId: s.eventSiteId,
      siteName: s.siteName,
      stops: s.stops.length,
      totalMinutes: s.totalMinutes,
      tourMinutes: s.tourMinutes,
    })),
    materials: { total: materials.items.length, ready: materials.items.filter((m) => m.ready).length },
    registrations,
    expectedAttendance: materials.expectedAttendance,
  };
}
