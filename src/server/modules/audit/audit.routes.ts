import { auditEntrySchema, auditQuerySchema } from '../../../contract/audit.js';
import { pageOf } from '../../../contract/common.js';
import { type App, tags } from '../../core/http.js';
import { listAudit } from './audit.service.js';

export async function auditRoutes(app: App) {
  app.get(
    '/audit',
    {
      schema: {
        ...tags('audit'),
        querystring: auditQuerySchema,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (request) => listAudit(request.ctx, request.query),
  );
}
