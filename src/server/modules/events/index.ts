import type { App } from '../../core/http.js';
import { agendaRoutes } from '../agenda/agenda.routes.js';
import { checklistRoutes } from '../checklists/checklists.routes.js';
import { materialRoutes } from '../materials/materials.routes.js';
import { routeStopRoutes } from '../route-stops/route-stops.routes.js';
import { eventRoutes } from './events.routes.js';

/** Every route of event planning: the event, its agenda, route, checklist and materials. */
export async function eventPlanningRoutes(app: App) {
  await eventRoutes(app);
  await agendaRoutes(app);
  await routeStopRoutes(app);
  await checklistRoutes(app);
  await materialRoutes(app);
}
