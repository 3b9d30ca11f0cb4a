import { z } from 'zod';
import {
  noteInputSchema,
  noteSchema,
  observationInputSchema,
  observationSchema,
  observationSummarySchema,
  observationsChannel,
  passFileParamsSchema,
  passItemParamsSchema,
  passNoteParamsSchema,
  passParamsSchema,
  scorecardSchema,
  sharedViewSchema,
  staffNoteSchema,
  staffNotesQuerySchema,
  submitResultSchema,
  voteResultSchema,
  wallSchema,
  webManifestSchema,
} from '../../../contract/observations.js';
import { authorize } from '../../core/access.js';
import { type App, tags } from '../../core/http.js';
import { streamChannel } from '../../core/realtime.js';
import { loadEvent } from '../events/events.guard.js';
import { passManifest } from './observations.install.js';
import { writablePass } from './observations.pass.js';
import { addNotePhoto, openPassPhoto } from './observations.photos.js';
import { observationsPolicy } from './observations.policy.js';
import { getScorecard, getSharedView, passGroupStream } from './observations.scorecard.js';
import { deleteNote, putNote, putObservation, setVote, submitObservations } from './observations.service.js';
import { listStaffNotes, observationSummary, observationWall } from './observations.staff.js';
import { enablePhotoUploads, readPhotoUpload } from './observations.upload.js';

const ok = z.object({ ok: z.literal(true) });
const eventParams = z.object({ id: z.uuid() });

export async function observationRoutes(app: App) {
  await app.register(observationRoutesScoped);
}

async function observationRoutesScoped(app: App) {
  const t = tags('observations');
  await enablePhotoUploads(app);

  // ---- The attendee, through the personal pass (the token is the credential) ----
  app.get(
    '/passes/:token/scorecard',
    { schema: { ...t, params: passParamsSchema, response: { 200: scorecardSchema } } },
    async (request) => getScorecard(request.ctx, request.params.token),
  );
  app.get(
    '/passes/:token/manifest',
    {
      schema: {
        ...t,
        summary: 'Web app manifest installing the scorecard (application/manifest+json)',
        params: passParamsSchema,
        response: { 200: webManifestSchema },
      },
    },
    async (request, reply) => {
      const manifest = await passManifest(request.ctx, request.params.token);
      reply.type('application/manifest+json').header('cache-control', 'no-cache');
      return manifest;
    },
  );
  // The guide's position reports for the attendee's group: the scorecard opens the stop where the group is.
  app.get(
    '/passes/:token/stream',
    { schema: { ...t, params: passParamsSchema, hide: true } },
    async (request, reply) =>
      streamChannel(request, reply, app.realtime, await passGroupStream(request.ctx, request.params.token)),
  );
  app.put(
    '/passes/:token/observations/:clientId',
    {
      schema: {
        ...t,
        params: passItemParamsSchema,
        body: observationInputSchema,
        response: { 200: observationSchema },
      },
    },
    async (request) =>
      putObservation(request.ctx, request.params.token, request.params.clientId, request.body),
  );
  app.put(
    '/passes/:token/notes/:clientId',
    { schema: { ...t, params: passItemParamsSchema, body: noteInputSchema, response: { 200: noteSchema } } },
    async (request) => putNote(request.ctx, request.params.token, request.params.clientId, request.body),
  );
  app.delete(
    '/passes/:token/notes/:clientId',
    { schema: { ...t, params: passItemParamsSchema, response: { 200: ok } } },
    async (request) => {
      await deleteNote(request.ctx, request.params.token, request.params.clientId);
      return { ok: true as const };
    },
  );
  app.post(
    '/passes/:token/notes/:clientId/photos',
    {
      schema: {
        ...t,
        summary: 'Add a photo to a note (multipart: clientId, optional note JSON, file, optional original)',
        consumes: ['multipart/form-data'],
        params: passItemParamsSchema,
        response: { 200: noteSchema, 201: noteSchema },
      },
    },
    async (request, reply) => {
      // Refused passes cost no upload.
      await writablePass(request.ctx, request.params.token);
      const upload = await readPhotoUpload(request);
      const result = await addNotePhoto(request.ctx, request.params.token, request.params.clientId, upload);
      reply.status(result.created ? 201 : 200);
      return result.note;
    },
  );
  for (const method of ['post', 'delete'] as const) {
    app[method](
      '/passes/:token/notes/:noteId/vote',
      { schema: { ...t, params: passNoteParamsSchema, response: { 200: voteResultSchema } } },
      async (request) => setVote(request.ctx, request.params.token, request.params.noteId, method === 'post'),
    );
  }
  app.post(
    '/passes/:token/submit',
    { schema: { ...t, params: passParamsSchema, response: { 200: submitResultSchema } } },
    async (request) => submitObservations(request.ctx, request.params.token),
  );
  app.get(
    '/passes/:token/shared',
    { schema: { ...t, params: passParamsSchema, response: { 200: sharedViewSchema } } },
    async (request) => getSharedView(request.ctx, request.params.token),
  );
  for (const variant of ['main', 'thumb'] as const) {
    app.get(
      variant === 'main' ? '/passes/:token/photos/:fileId' : '/passes/:token/photos/:fileId/thumb',
      { schema: { ...t, params: passFileParamsSchema, response: { 200: z.any(), 304: z.null() } } },
      async (request, reply) => {
        const photo = await openPassPhoto(request.ctx, request.params.token, request.params.fileId, variant);
        reply
          .header('cache-control', 'private, max-age=86400')
          .header('etag', photo.etag)
          .header('content-disposition', 'inline');
        if (request.headers['if-none-match'] === photo.etag) {
          photo.stream.destroy();
          return reply.status(304).send(null);
        }
        return reply.type(photo.mime).header('content-length', photo.bytes).send(photo.stream);
      },
    );
  }

  // ---- Staff ----
  app.get(
    '/events/:id/observations/summary',
    { schema: { ...t, params: eventParams, response: { 200: observationSummarySchema } } },
    async (request) => observationSummary(request.ctx, request.params.id),
  );
  app.get(
    '/events/:id/observations/notes',
    {
      schema: {
        ...t,
        params: eventParams,
        querystring: staffNotesQuerySchema,
        response: { 200: z.array(staffNoteSchema) },
      },
    },
    async (request) => listStaffNotes(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/events/:id/observations/wall',
    { schema: { ...t, params: eventParams, response: { 200: wallSchema } } },
    async (request) => observationWall(request.ctx, request.params.id),
  );
  // Live hints for the wall and the dashboard: refetch the wall/summary on each event.
  app.get(
    '/events/:id/observations/stream',
    { schema: { ...t, params: eventParams, hide: true } },
    async (request, reply) => {
      authorize(request.ctx, observationsPolicy, 'read');
      await loadEvent(request.ctx, request.params.id);
      return streamChannel(request, reply, app.realtime, observationsChannel(request.params.id));
    },
  );
}
