import { z } from 'zod';

/** Limits for uploaded images, shared by the server (enforced) and the web (told to the user). */
export const FILE_LIMITS = {
  /** Largest upload accepted, in bytes (a bigger request answers 413). */
  maxUploadBytes: 15 * 1024 * 1024,
  /** Largest decoded image, in pixels (width × height): refuses decompression bombs. */
  maxInputPixels: 40_000_000,
  /** The stored "original" is resized to fit this box. */
  maxEdge: 2560,
  /** Thumbnails fit this box. */
  thumbEdge: 400,
} as const;

/** Image types accepted, recognised by their content (never by the file name). */
export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/heic',
] as const;

export const fileSchema = z.object({
  id: z.uuid(),
  mime: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Path of the stored (resized, metadata-free) image. */
  url: z.string(),
  /** Path of the thumbnail. */
  thumbUrl: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof fileSchema>;

export const fileUrl = (id: string) => `/api/v1/files/${id}`;
export const fileThumbUrl = (id: string) => `/api/v1/files/${id}/thumb`;
