import { z } from 'zod';
import { authorize } from '../../core/access.js';
import { type App, attachmentHeader, tags } from '../../core/http.js';
import { t } from '../../core/i18n.js';
import { fieldsOf } from '../registrations/registration-form.js';
import { registrationsPolicy } from '../registrations/registrations.policy.js';
import { checkinPolicy } from './checkin.policy.js';
import { printData } from './print.data.js';
import type { SheetLabels } from './sign-in-sheet.js';

// The document generators pull in pdfmake and exceljs: load them on first use, not at start-up.
const badgesModule = () => import('./badges.pdf.js');
const sheetModule = () => import('./sign-in-sheet.js');
const xlsxModule = () => import('../registrations/registrations.xlsx.js');

const eventParams = z.object({ id: z.uuid() });
const sheetQuery = z.object({ by: z.enum(['group', 'unit']).default('group') });

export async function printRoutes(app: App) {
  const tg = tags('print');
  app.get('/events/:id/badges.pdf', { schema: { ...tg, params: eventParams } }, async (request, reply) => {
    authorize(request.ctx, checkinPolicy, 'read');
    const { event, associationName, people } = await printData(request.ctx, request.params.id);
    const pdf = await (await badgesModule()).badgesPdf(people, associationName, event.theme);
    reply
      .type('application/pdf')
      .header('content-disposition', attachmentHeader('胸牌', 'badges', 'pdf', request.ctx.clock.now()));
    return pdf;
  });

  const labels = (lang: 'zh-CN' | 'en-US'): SheetLabels => ({
    title: t(lang, 'print.sheet.title'),
    columns: {
      no: t(lang, 'print.sheet.no'),
      name: t(lang, 'print.sheet.name'),
      unit: t(lang, 'print.sheet.unit'),
      position: t(lang, 'print.sheet.position'),
      mobile: t(lang, 'print.sheet.mobile'),
      group: t(lang, 'print.sheet.group'),
      signature: t(lang, 'print.sheet.signature'),
    },
    ungrouped: t(lang, 'print.sheet.ungrouped'),
    total: (n) => t(lang, 'print.sheet.total', { count: n }),
  });

  app.get(
    '/events/:id/sign-in-sheet.pdf',
    { schema: { ...tg, params: eventParams, querystring: sheetQuery } },
    async (request, reply) => {
      authorize(request.ctx, checkinPolicy, 'read');
      const { event, associationName, people } = await printData(request.ctx, request.params.id);
      const pdf = await (await sheetModule()).signInSheetPdf(
        people,
        request.query.by,
        { association: associationName, theme: event.theme, date: event.eventDate },
        labels(request.ctx.lang),
      );
      reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachmentHeader('签到表', 'sign-in-sheet', 'pdf', request.ctx.clock.now()),
        );
      return pdf;
    },
  );

  app.get(
    '/events/:id/sign-in-sheet.xlsx',
    { schema: { ...tg, params: eventParams, querystring: sheetQuery } },
    async (request, reply) => {
      authorize(request.ctx, checkinPolicy, 'read');
      const { people } = await printData(request.ctx, request.params.id);
      const xlsx = await (await sheetModule()).signInSheetXlsx(
        people,
        request.query.by,
        labels(request.ctx.lang),
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          attachmentHeader('签到表', 'sign-in-sheet', 'xlsx', request.ctx.clock.now()),
        );
      return xlsx;
    },
  );

  app.get(
    '/events/:id/registrations.xlsx',
    { schema: { ...tg, params: eventParams } },
    async (request, reply) => {
      authorize(request.ctx, registrationsPolicy, 'export');
      const lang = request.ctx.lang;
      const { people } = await printData(request.ctx, request.params.id, { allStatuses: true });
      const xlsx = await (await xlsxModule()).registrationsXlsx(
        people,
        await fieldsOf(request.ctx, request.params.id),
        {
          name: t(lang, 'print.sheet.name'),
          unit: t(lang, 'print.sheet.unit'),
          position: t(lang, 'print.sheet.position'),
          mobile: t(lang, 'print.sheet.mobile'),
          email: t(lang, 'print.export.email'),
          status: t(lang, 'print.export.status'),
          site: t(lang, 'print.export.site'),
          group: t(lang, 'print.sheet.group'),
          consentedAt: t(lang, 'print.export.consented_at'),
          checkedInAt: t(lang, 'print.export.checked_in_at'),
          registeredAt: t(lang, 'print.export.registered_at'),
          statusLabel: (status) => t(lang, `print.export.status_${status}`),
          yes: t(lang, 'print.export.yes'),
          no: t(lang, 'print.export.no'),
        },
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          attachmentHeader('报名表', 'registrations', 'xlsx', request.ctx.clock.now()),
        );
      return xlsx;
    },
  );
}
