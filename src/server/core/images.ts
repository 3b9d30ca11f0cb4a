import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { ACCEPTED_IMAGE_TYPES, FILE_LIMITS } from '../../contract/files.js';
import { AppError, invalid } from './errors.js';

// Two cores are shared by everything on a small server: keep libvips modest.
sharp.concurrency(1);
sharp.cache(false);

export type ImageVariant = { data: Buffer; mime: 'image/webp'; width: number; height: number };
export type ProcessedImage = {
  /** The type the upload really was, recognised by its content. */
  sourceMime: string;
  main: ImageVariant;
  thumb: ImageVariant;
  /** SHA-256 (hex) of the stored main image. */
  sha256: string;
};

const MEGAPIXELS = Math.round(FILE_LIMITS.maxInputPixels / 1_000_000);

const inputOptions = {
  limitInputPixels: FILE_LIMITS.maxInputPixels,
  // Truncated or corrupt data fails instead of being padded with grey.
  failOn: 'error',
  // Animated images: only the first frame is kept.
  pages: 1,
} as const;

/** Maps a libvips failure to a clear 400 for the user. */
function decodeError(error: unknown, sourceMime: string): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return invalid('files.too_many_pixels', { megapixels: MEGAPIXELS });
  if (sourceMime === 'image/heic') return invalid('files.heic_unsupported');
  return invalid('files.image_invalid');
}

/**
 * WebP effort 2 instead of the default 4: measured on a 2400 × 1800 phone photo it encodes in
 * ~0.4 s instead of ~0.7 s of one core, for files a few per cent larger; photos arrive in bursts
 * (200 attendees at a stop), so CPU per photo decides how long the last one waits.
 */
const WEBP_EFFORT = 2;

async function toWebp(input: Buffer, edge: number, quality: number): Promise<ImageVariant> {
  const { data, info } = await sharp(input, inputOptions)
    .autoOrient() // apply the EXIF orientation to the pixels before the metadata goes
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
    .webp({ quality, effort: WEBP_EFFORT })
    // No withMetadata/keepExif: sharp writes no EXIF, GPS, XMP or IPTC into the output.
    .toBuffer({ resolveWithObject: true });
  return { data, mime: 'image/webp', width: info.width, height: info.height };
}

/**
 * Checks an uploaded image by its content and turns it into what is stored: a resized original
 * (fits 2560 px) and a thumbnail (fits 400 px), both WebP, auto-rotated, with every piece of
 * metadata (EXIF, GPS, camera, XMP) removed. Refuses non-images, truncated files, unsupported
 * types and decompression bombs (more than FILE_LIMITS.maxInputPixels pixels) with a 400.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (!input.length) throw invalid('files.empty');
  const detected = await fileTypeFromBuffer(input);
  const sourceMime = detected?.mime ?? 'application/octet-stream';
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(sourceMime)) {
    throw invalid('files.unsupported_type');
  }
  try {
    // Reading the header first refuses a bomb before anything is decoded.
    const meta = await sharp(input, inputOptions).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > FILE_LIMITS.maxInputPixels) {
      throw invalid('files.too_many_pixels', { megapixels: MEGAPIXELS });
    }
    const main = await toWebp(input, FILE_LIMITS.maxEdge, 82);
    // From the upload, not from `main`: a JPEG then decodes at 1/8 scale (shrink-on-load), ~30 ms
    // instead of ~160 ms for decoding the full-size WebP again.
    const thumb = await toWebp(input, FILE_LIMITS.thumbEdge, 75);
    const sha256 = createHash('sha256').update(main.data).digest('hex');
    return { sourceMime, main, thumb, sha256 };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw decodeError(error, sourceMime);
  }
}
