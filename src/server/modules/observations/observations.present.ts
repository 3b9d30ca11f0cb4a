import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { fileThumbUrl, fileUrl } from '../../../contract/files.js';
import { type Note, type NotePhoto, type Observation, passPhotoUrl } from '../../../contract/observations.js';
import type { Ctx } from '../../core/context.js';
import { files } from '../files/files.table.js';
import { notePhotos, noteVotes, observationNotes, type observations } from './observations.table.js';

export type ObservationRow = typeof observations.$inferSelect;
export type NoteRow = typeof observationNotes.$inferSelect;

export function presentObservation(row: ObservationRow): Observation {
  return {
    id: row.id,
    pointId: row.pointId,
    dimensionId: row.dimensionId,
    score: row.score,
    na: row.na,
    answers: row.answers,
    updatedAt: row.clientUpdatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Who looks: an attendee (photo links through their pass) or staff (the files routes). */
export type Viewer = { kind: 'pass'; token: string; registrationId: string } | { kind: 'staff' };

type PhotoRow = {
  id: string;
  noteId: string;
  fileId: string;
  originalFileId: string | null;
  position: number;
  width: number | null;
  height: number | null;
};

function presentPhoto(row: PhotoRow, viewer: Viewer, ownNote: boolean): NotePhoto {
  const url = (fileId: string, variant: 'main' | 'thumb') =>
    viewer.kind === 'pass'
      ? passPhotoUrl(viewer.token, fileId, variant)
      : variant === 'thumb'
        ? fileThumbUrl(fileId)
        : fileUrl(fileId);
  // The unannotated original is for its author and staff only.
  const showOriginal = row.originalFileId && (viewer.kind === 'staff' || ownNote);
  return {
    id: row.id,
    fileId: row.fileId,
    position: row.position,
    url: url(row.fileId, 'main'),
    thumbUrl: url(row.fileId, 'thumb'),
    originalUrl: showOriginal && row.originalFileId ? url(row.originalFileId, 'main') : null,
    width: row.width,
    height: row.height,
  };
}

/** Notes with their photos, +1 counts and the viewer's own +1, in the order given. */
export async function presentNotes(ctx: Ctx, rows: NoteRow[], viewer: Viewer): Promise<Note[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const photos = await ctx.db
    .select({
      id: notePhotos.id,
      noteId: notePhotos.noteId,
      fileId: notePhotos.fileId,
      originalFileId: notePhotos.originalFileId,
      position: notePhotos.position,
      width: files.width,
      height: files.height,
    })
    .from(notePhotos)
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .where(inArray(notePhotos.noteId, ids))
    .orderBy(notePhotos.position, notePhotos.createdAt);
  const votes = await ctx.db
    .select({ noteId: noteVotes.noteId, n: count() })
    .from(noteVotes)
    .where(inArray(noteVotes.noteId, ids))
    .groupBy(noteVotes.noteId);
  const mine =
    viewer.kind === 'pass'
      ? await ctx.db
          .select({ noteId: noteVotes.noteId })
          .from(noteVotes)
          .where(and(inArray(noteVotes.noteId, ids), eq(noteVotes.registrationId, viewer.registrationId)))
      : [];
  const voteCount = new Map(votes.map((v) => [v.noteId, Number(v.n)]));
  const votedByMe = new Set(mine.map((v) => v.noteId));
  return rows.map((row) => {
    const own = viewer.kind === 'pass' && row.registrationId === viewer.registrationId;
    return {
      id: row.id,
      kind: row.kind,
      text: row.text,
      shared: row.shared,
      pointId: row.pointId,
      dimensionId: row.dimensionId,
      routeStopId: row.routeStopId,
      sentToQa: row.sentToQa,
      votes: voteCount.get(row.id) ?? 0,
      votedByMe: votedByMe.has(row.id),
      mine: own,
      photos: photos.filter((p) => p.noteId === row.id).map((p) => presentPhoto(p, viewer, own)),
      updatedAt: row.clientUpdatedAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Sorts notes by +1s (most first), then newest first. */
export const byVotes = <T extends { votes: number; createdAt: string }>(a: T, b: T) =>
  b.votes - a.votes || b.createdAt.localeCompare(a.createdAt);

export async function liveNote(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(observationNotes)
    .where(and(eq(observationNotes.id, id), isNull(observationNotes.deletedAt)));
  return row ?? null;
}
