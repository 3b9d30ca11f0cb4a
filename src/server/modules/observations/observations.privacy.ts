import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { deleteFileRow, deleteStoredBytes } from '../files/files.service.js';
import {
  notePhotos,
  noteVotes,
  observationNotes,
  observationSubmissions,
  observations,
} from './observations.table.js';

/**
 * PIPL hooks for the registrations module (个人信息导出 / 删除), called with the registration id
 * once the pass is resolved there. No access check: the pass token was the check.
 */

/** What an attendee recorded, for the personal data export. */
export async function exportObservations(ctx: Ctx, registrationId: string) {
  const scores = await ctx.db
    .select()
    .from(observations)
    .where(eq(observations.registrationId, registrationId));
  const notes = await ctx.db
    .select()
    .from(observationNotes)
    .where(and(eq(observationNotes.registrationId, registrationId), isNull(observationNotes.deletedAt)));
  const photos = await ctx.db.select().from(notePhotos).where(eq(notePhotos.registrationId, registrationId));
  return {
    observations: scores.map((o) => ({
      pointId: o.pointId,
      score: o.score,
      na: o.na,
      answers: o.answers,
      updatedAt: o.clientUpdatedAt.toISOString(),
    })),
    notes: notes.map((n) => ({
      kind: n.kind,
      text: n.text,
      shared: n.shared,
      pointId: n.pointId,
      routeStopId: n.routeStopId,
      photoFileIds: photos.filter((p) => p.noteId === n.id).map((p) => p.fileId),
      updatedAt: n.clientUpdatedAt.toISOString(),
    })),
  };
}

/**
 * Erases what identifies or shows people: notes (text), their photos (files and bytes), votes
 * and answers to guiding questions. The bare scores stay (they carry no personal data once the
 * registration is anonymised) so the event's aggregates do not change afterwards. Run it inside
 * the erasing transaction; the returned callback removes the bytes after the commit.
 */
export async function eraseObservations(ctx: Ctx, registrationId: string) {
  const photos = await ctx.db
    .delete(notePhotos)
    .where(eq(notePhotos.registrationId, registrationId))
    .returning();
  const keys: string[] = [];
  for (const photo of photos) {
    keys.push(...(await deleteFileRow(ctx, photo.fileId)));
    if (photo.originalFileId) keys.push(...(await deleteFileRow(ctx, photo.originalFileId)));
  }
  await ctx.db.delete(noteVotes).where(eq(noteVotes.registrationId, registrationId));
  await ctx.db.delete(observationNotes).where(eq(observationNotes.registrationId, registrationId));
  await ctx.db
    .update(observations)
    .set({ answers: [] })
    .where(eq(observations.registrationId, registrationId));
  await ctx.db
    .delete(observationSubmissions)
    .where(eq(observationSubmissions.registrationId, registrationId));
  return { removeBytes: () => deleteStoredBytes(ctx, keys) };
}
