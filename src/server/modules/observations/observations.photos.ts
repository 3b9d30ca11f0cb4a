import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { and, count, eq, or } from 'drizzle-orm';
import { noteInputSchema, OBSERVATION_LIMITS, photoFieldsSchema } from '../../../contract/observations.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { type ProcessedImage, processImage } from '../../core/images.js';
import { storageFor } from '../../core/storage.js';
import { files } from '../files/files.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { passOf, writablePass } from './observations.pass.js';
import { presentNotes } from './observations.present.js';
import { announce, writeNote } from './observations.service.js';
import { notePhotos, observationNotes } from './observations.table.js';
import type { PhotoUpload } from './observations.upload.js';

type FieldError = { path: string; key: string; params?: Record<string, string | number> };

/** The text fields of the upload, checked: the photo's client id, position and the optional note. */
function parseFields(fields: Record<string, string>) {
  const errors: FieldError[] = [];
  const parsed = photoFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ path: issue.path.join('.'), key: 'errors.observations.field_invalid' });
    throw new AppError('observations.invalid', 400, {}, errors);
  }
  let note = null;
  if (parsed.data.note !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(parsed.data.note);
    } catch {
      throw new AppError('observations.invalid', 400, {}, [
        { path: 'note', key: 'errors.observations.field_invalid' },
      ]);
    }
    const checked = noteInputSchema.safeParse(json);
    if (!checked.success) {
      throw new AppError(
        'observations.invalid',
        400,
        {},
        checked.error.issues.map((i) => ({
          path: ['note', ...i.path].join('.'),
          key: 'errors.observations.field_invalid',
        })),
      );
    }
    note = checked.data;
  }
  return { clientId: parsed.data.clientId, position: parsed.data.position, note };
}

type Stored = { main: string; thumb: string; image: ProcessedImage };

/**
 * At most one image decode per core at a time, first come first served. Without it, 200 phones
 * syncing at once interleave their libvips steps and every photo finishes near the end (each
 * request then waits minutes and clients time out); with it, photos finish in arrival order.
 */
const PHOTO_SLOTS = Math.max(1, availableParallelism());
let busySlots = 0;
const waiting: (() => void)[] = [];

async function withPhotoSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busySlots >= PHOTO_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busySlots++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busySlots--;
  }
}

async function storeBytes(ctx: Ctx, image: ProcessedImage): Promise<Stored> {
  const now = ctx.clock.now();
  const base = `images/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  const storage = storageFor(ctx.config);
  await storage.put(`${base}.webp`, image.main.data);
  await storage.put(`${base}-thumb.webp`, image.thumb.data);
  return { main: `${base}.webp`, thumb: `${base}-thumb.webp`, image };
}

async function fileRow(tx: Ctx, stored: Stored) {
  const { image } = stored;
  const [row] = await tx.db
    .insert(files)
    .values({
      storageKey: stored.main,
      thumbKey: stored.thumb,
      mime: image.main.mime,
      bytes: image.main.data.length,
      sha256: image.sha256,
      width: image.main.width,
      height: image.main.height,
      ownerId: null,
      createdAt: tx.clock.now(),
    })
    .returning();
  return row;
}

/**
 * `POST …/notes/:noteId/photos`: adds a photo to a note, atomically. When the upload carries the
 * note (field `note`), the note is written in the same transaction as the photo: both land or
 * neither does. Without it the note must exist. The image is checked and processed (content
 * sniffing, pixel limit, EXIF/GPS stripped, thumbnail) before anything is written; its bytes are
 * removed again if the transaction fails. A repeat of the photo's client id returns the note as
 * stored without processing or storing anything (`created: false`).
 */
export async function addNotePhoto(ctx: Ctx, token: string, noteId: string, upload: PhotoUpload) {
  const { clientId, position, note } = parseFields(upload.fields);
  const pass = await writablePass(ctx, token);
  const viewer = { kind: 'pass', token, registrationId: pass.reg.id } as const;

  const repeat = async (db: Ctx) => {
    const [photo] = await db.db.select().from(notePhotos).where(eq(notePhotos.id, clientId));
    if (!photo) return null;
    if (photo.registrationId !== pass.reg.id || photo.noteId !== noteId)
      throw conflict('observations.client_id_taken');
    const [row] = await db.db.select().from(observationNotes).where(eq(observationNotes.id, noteId));
    return (await presentNotes(db, [row], viewer))[0];
  };
  const first = await repeat(ctx);
  if (first) return { note: first, created: false };
  if (!note) {
    const [existing] = await ctx.db.select().from(observationNotes).where(eq(observationNotes.id, noteId));
    if (!existing || existing.registrationId !== pass.reg.id) throw notFound('@entities.observation_note');
    if (existing.deletedAt) throw new AppError('observations.note_deleted', 410);
  }

  // Refused images fail here, before anything is stored.
  const { main, original } = await withPhotoSlot(async () => ({
    main: await processImage(upload.file),
    original: upload.original ? await processImage(upload.original) : null,
  }));
  const stored: Stored[] = [];
  try {
    stored.push(await storeBytes(ctx, main));
    if (original) stored.push(await storeBytes(ctx, original));
    const result = await inTransaction(ctx, async (tx) => {
      const locked = await writablePass(tx, token, true);
      const again = await repeat(tx);
      if (again) return { note: again, created: false };
      let noteRow: typeof observationNotes.$inferSelect;
      if (note) noteRow = (await writeNote(tx, locked, noteId, note)).row;
      else {
        const [row] = await tx.db.select().from(observationNotes).where(eq(observationNotes.id, noteId));
        if (!row || row.registrationId !== locked.reg.id) throw notFound('@entities.observation_note');
        if (row.deletedAt) throw new AppError('observations.note_deleted', 410);
        noteRow = row;
      }
      const [{ n }] = await tx.db
        .select({ n: count() })
        .from(notePhotos)
        .where(eq(notePhotos.noteId, noteId));
      if (Number(n) >= OBSERVATION_LIMITS.photosPerNote)
        throw conflict('observations.too_many_photos', { max: OBSERVATION_LIMITS.photosPerNote });
      const mainFile = await fileRow(tx, stored[0]);
      const originalFile = stored[1] ? await fileRow(tx, stored[1]) : null;
      await tx.db.insert(notePhotos).values({
        id: clientId,
        noteId,
        registrationId: locked.reg.id,
        fileId: mainFile.id,
        originalFileId: originalFile?.id ?? null,
        position: position ?? Number(n),
        createdAt: tx.clock.now(),
      });
      await announce(tx, locked, 'photo', noteRow.dimensionId);
      return { note: (await presentNotes(tx, [noteRow], viewer))[0], created: true };
    });
    if (!result.created) await removeBytes(ctx, stored);
    return result;
  } catch (error) {
    await removeBytes(ctx, stored);
    throw error;
  }
}

async function removeBytes(ctx: Ctx, stored: Stored[]) {
  const storage = storageFor(ctx.config);
  await Promise.all(stored.flatMap((s) => [storage.delete(s.main), storage.delete(s.thumb)]));
}

/**
 * A note photo opened with a pass: the attendee's own photos (and their unannotated originals),
 * and the photos of shared notes of other attendees of the same event site. Anything else is 404.
 */
export async function openPassPhoto(ctx: Ctx, token: string, fileId: string, variant: 'main' | 'thumb') {
  const { reg } = await passOf(ctx, token);
  const [found] = await ctx.db
    .select({ photo: notePhotos, note: observationNotes, authorSiteId: registrations.eventSiteId })
    .from(notePhotos)
    .innerJoin(observationNotes, eq(observationNotes.id, notePhotos.noteId))
    .innerJoin(registrations, eq(registrations.id, observationNotes.registrationId))
    .where(or(eq(notePhotos.fileId, fileId), eq(notePhotos.originalFileId, fileId)))
    .limit(1);
  const own = found?.note.registrationId === reg.id;
  const visible =
    found &&
    !found.note.deletedAt &&
    (own || (found.note.shared && found.authorSiteId === reg.eventSiteId && found.photo.fileId === fileId));
  if (!visible) throw notFound('@entities.file');
  const [file] = await ctx.db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId)));
  if (!file) throw notFound('@entities.file');
  const key = variant === 'thumb' ? (file.thumbKey ?? file.storageKey) : file.storageKey;
  const bytes = await storageFor(ctx.config).get(key);
  if (!bytes) throw notFound('@entities.file');
  return {
    mime: file.mime,
    etag: `"${file.sha256.slice(0, 32)}${variant === 'thumb' ? '-t' : ''}"`,
    ...bytes,
  };
}
