import type { App } from '../../core/http.js';
import { coverageRoutes } from './coverage.routes.js';
import { screeningRoutes } from './screening.routes.js';
import { siteRoutes } from './sites.routes.js';

/** Sites (标杆项目库), screening (筛选) and coverage (代表性). */
export async function sitesModuleRoutes(app: App) {
  await siteRoutes(app);
  await screeningRoutes(app);
  await coverageRoutes(app);
}
