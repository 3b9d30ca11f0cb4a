import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileThumbUrl, fileUrl, type StoredFile } from '../../../contract/files.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { notFound, unauthenticated } from '../../core/errors.js';
import { processImage } from '../../core/images.js';
import { storageFor } from '../../core/storage.js';
import { fileAccess } from './files.access.js';
import { filesPolicy } from './files.policy.js';
import { files } from './files.table.js';

export type FileRow = typeof files.$inferSelect;

export function presentFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    url: fileUrl(row.id),
    thumbUrl: fileThumbUrl(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Call before reading an upload's body, so a refused caller costs no upload. */
export function assertCanUpload(ctx: Ctx) {
  authorize(ctx, filesPolicy, 'upload');
}

/**
 * Checks and processes an uploaded image (see core/images.ts), writes its two variants to the
 * storage and records it. The bytes are removed again when the row cannot be written.
 */
export async function storeImage(ctx: Ctx, input: Buffer): Promise<FileRow> {
  const actor = authorize(ctx, filesPolicy, 'upload');
  return saveImage(ctx, input, actor.userId);
}

/** storeImage without the access check, for system work such as the demo data. */
export async function saveImage(ctx: Ctx, input: Buffer, ownerId: string | null): Promise<FileRow> {
  const image = await processImage(input);
  const storage = storageFor(ctx.config);
  const now = ctx.clock.now();
  const base = `images/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  const storageKey = `${base}.webp`;
  const thumbKey = `${base}-thumb.webp`;
  await storage.put(storageKey, image.main.data);
  await storage.put(thumbKey, image.thumb.data);
  try {
    const [row] = await ctx.db
      .insert(files)
      .values({
        storageKey,
        thumbKey,
        mime: image.main.mime,
        bytes: image.main.data.length,
        sha256: image.sha256,
        width: image.main.width,
        height: image.main.height,
        ownerId,
        createdAt: now,
      })
      .returning();
    return row;
  } catch (error) {
    await Promise.all([storage.delete(storageKey), storage.delete(thumbKey)]);
    throw error;
  }
}

/**
 * Deletes a file's row and returns its storage keys, for `deleteStoredBytes` after the
 * transaction commits (bytes deleted inside a transaction that rolls back would be lost). No
 * access check: the module that owns the attachment checks before calling.
 */
export async function deleteFileRow(ctx: Ctx, id: string): Promise<string[]> {
  const [row] = await ctx.db.delete(files).where(eq(files.id, id)).returning();
  if (!row) return [];
  return [row.storageKey, ...(row.thumbKey ? [row.thumbKey] : [])];
}

export async function deleteStoredBytes(ctx: Ctx, keys: string[]) {
  const storage = storageFor(ctx.config);
  await Promise.all(keys.map((key) => storage.delete(key)));
}

/** Deletes a file's row, then its bytes (outside any transaction). */
export async function removeFile(ctx: Ctx, id: string) {
  await deleteStoredBytes(ctx, await deleteFileRow(ctx, id));
}

/** Opens a file (or its thumbnail) for reading after checking that the caller may see it. */
export async function openFile(ctx: Ctx, id: string, variant: 'main' | 'thumb') {
  const [row] = await ctx.db.select().from(files).where(eq(files.id, id));
  if (!row) throw notFound('@entities.file');
  const access = await fileAccess(ctx, row);
  if (access === 'denied') {
    if (!ctx.actor) throw unauthenticated();
    throw notFound('@entities.file');
  }
  const key = variant === 'thumb' ? (row.thumbKey ?? row.storageKey) : row.storageKey;
  return {
    mime: row.mime,
    etag: `"${row.sha256.slice(0, 32)}${variant === 'thumb' ? '-t' : ''}"`,
    isPublic: access === 'public',
    /** Opens the bytes; a row whose bytes are gone answers 404. */
    read: async () => {
      const stored = await storageFor(ctx.config).get(key);
      if (!stored) throw notFound('@entities.file');
      return stored;
    },
  };
}
