import { coverageQuerySchema, coverageSchema, coverageSuggestionSchema } from '../../../contract/sites.js';
import { type App, tags } from '../../core/http.js';
import { coverageOf, suggestCoverage } from './coverage.service.js';

export async function coverageRoutes(app: App) {
  const t = tags('coverage');

  app.get(
    '/coverage',
    { schema: { ...t, querystring: coverageQuerySchema, response: { 200: coverageSchema } } },
    async (request) => coverageOf(request.ctx, request.query.siteIds),
  );

  app.get(
    '/coverage/suggest',
    { schema: { ...t, response: { 200: coverageSuggestionSchema } } },
    async (request) => suggestCoverage(request.ctx),
  );
}
