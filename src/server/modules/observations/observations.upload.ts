import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FILE_LIMITS } from '../../../contract/files.js';
import { OBSERVATION_LIMITS } from '../../../contract/observations.js';
import { AppError, invalid } from '../../core/errors.js';
import type { App } from '../../core/http.js';

/** Multipart bodies in the calling scope: a photo, optionally its unannotated original, few fields. */
export async function enablePhotoUploads(app: App) {
  await app.register(multipart, {
    limits: {
      files: 2,
      fileSize: FILE_LIMITS.maxUploadBytes,
      parts: 8,
      fields: 5,
      fieldSize: OBSERVATION_LIMITS.fieldBytes,
    },
  });
}

export type PhotoUpload = { fields: Record<string, string>; file: Buffer; original: Buffer | null };

const tooLarge = () =>
  new AppError('files.too_large', 413, { megabytes: FILE_LIMITS.maxUploadBytes / 1024 / 1024 });

/**
 * Reads a note photo upload into memory: text fields, `file` and the optional `original`. Each
 * file is cut off at FILE_LIMITS.maxUploadBytes (413 `files.too_large`, nothing kept).
 */
export async function readPhotoUpload(request: FastifyRequest): Promise<PhotoUpload> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media_type', 415);
  const fields: Record<string, string> = {};
  const buffers: Record<string, Buffer> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const data = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
      if (part.fieldname !== 'file' && part.fieldname !== 'original')
        throw invalid('observations.unknown_file_field');
      buffers[part.fieldname] = data;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw tooLarge();
    throw invalid('files.missing');
  }
  if (!buffers.file) throw invalid('files.missing');
  return { fields, file: buffers.file, original: buffers.original ?? null };
}
