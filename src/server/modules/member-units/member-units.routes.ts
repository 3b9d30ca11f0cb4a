import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  contactSchema,
  importCommitSchema,
  importPreviewSchema,
  importResultSchema,
  importRowSchema,
  memberUnitInputSchema,
  memberUnitQuerySchema,
  memberUnitSchema,
} from '../../../contract/member-units.js';
import { type App, attachmentHeader, tags } from '../../core/http.js';
import {
  exportMemberUnits,
  IMPORT_LIMITS,
  importTemplate,
  missingFile,
  previewImport,
  XLSX_MIME,
} from './member-units.excel.js';
import {
  createMemberUnit,
  getMemberUnit,
  listMemberUnits,
  setMemberUnitArchived,
  updateMemberUnit,
  upsertMemberUnits,
} from './member-units.service.js';

const exportQuerySchema = memberUnitQuerySchema.omit({ page: true, pageSize: true });

/**
 * importPreviewSchema for the response: its `unit` is the input schema, whose transforms cannot
 * be run backwards by the response serializer; this is the same shape without transforms.
 */
const normalisedUnitSchema = memberUnitSchema
  .pick({
    name: true,
    uscc: true,
    unitType: true,
    level: true,
    projectTypes: true,
    address: true,
    projectCount: true,
    staffCount: true,
    note: true,
  })
  .extend({
    address: z.string().nullish(),
    projectCount: z.number().int().nullish(),
    staffCount: z.number().int().nullish(),
    note: z.string().nullish(),
    contacts: z.array(
      contactSchema.omit({ id: true }).extend({
        position: z.string().nullish(),
        mobile: z.string().nullish(),
        email: z.string().nullish(),
      }),
    ),
  });
const importPreviewResponseSchema = importPreviewSchema.extend({
  rows: z.array(importRowSchema.extend({ unit: normalisedUnitSchema.nullable() })),
});

/** `会员单位-20261127.xlsx`, with an ASCII fallback for old clients. */

export async function memberUnitRoutes(app: App) {
  const t = tags('member-units');
  await app.register(memberUnitExcelRoutes);
  app.get(
    '/member-units',
    { schema: { ...t, querystring: memberUnitQuerySchema, response: { 200: pageOf(memberUnitSchema) } } },
    async (request) => listMemberUnits(request.ctx, request.query),
  );

  app.post(
    '/member-units',
    { schema: { ...t, body: memberUnitInputSchema, response: { 201: memberUnitSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createMemberUnit(request.ctx, request.body);
    },
  );

  app.get(
    '/member-units/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: memberUnitSchema } } },
    async (request) => getMemberUnit(request.ctx, request.params.id),
  );

  app.put(
    '/member-units/:id',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: memberUnitInputSchema,
        response: { 200: memberUnitSchema },
      },
    },
    async (request) => updateMemberUnit(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/member-units/:id/archive',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ archived: z.boolean() }),
        response: { 200: memberUnitSchema },
      },
    },
    async (request) => setMemberUnitArchived(request.ctx, request.params.id, request.body.archived),
  );
}

/** Excel template, import (preview, then commit) and export; multipart is enabled only here. */
async function memberUnitExcelRoutes(app: App) {
  const t = tags('member-units');
  await app.register(multipart, {
    limits: { files: 1, fileSize: IMPORT_LIMITS.fileBytes, parts: 10, fields: 5, fieldSize: 1000 },
  });

  app.get('/member-units/import/template', { schema: { ...t } }, async (request, reply) => {
    const file = await importTemplate(request.ctx);
    return reply
      .type(XLSX_MIME)
      .header(
        'content-disposition',
        attachmentHeader('会员单位导入模板', 'member-units-template', 'xlsx', request.ctx.clock.now()),
      )
      .send(file);
  });

  app.post(
    '/member-units/import/preview',
    { schema: { ...t, consumes: ['multipart/form-data'], response: { 200: importPreviewResponseSchema } } },
    async (request) => {
      const file = await request.file();
      if (file?.fieldname !== 'file') throw missingFile();
      return previewImport(request.ctx, await file.toBuffer());
    },
  );

  app.post(
    '/member-units/import/commit',
    { schema: { ...t, body: importCommitSchema, response: { 200: importResultSchema } } },
    async (request) => upsertMemberUnits(request.ctx, request.body.units),
  );

  app.get(
    '/member-units/export',
    { schema: { ...t, querystring: exportQuerySchema } },
    async (request, reply) => {
      const file = await exportMemberUnits(request.ctx, request.query);
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentHeader('会员单位', 'member-units', 'xlsx', request.ctx.clock.now()),
        )
        .send(file);
    },
  );
}
