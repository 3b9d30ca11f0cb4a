import type { FastifyRequest } from 'fastify';
import { FILE_LIMITS } from '../../../contract/files.js';
import { AppError, invalid } from '../../core/errors.js';

export type Upload = { buffer: Buffer; filename: string; fields: Record<string, string> };

/**
 * Reads the one file of a multipart request (form field `file`) into memory, at most
 * FILE_LIMITS.maxUploadBytes. Plain text fields sent before the file come along in `fields`.
 * Routes call this after the access check, so a refused caller costs no upload.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media_type', 415);
  const tooLarge = () =>
    new AppError('files.too_large', 413, { megabytes: FILE_LIMITS.maxUploadBytes / 1024 / 1024 });
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: FILE_LIMITS.maxUploadBytes, files: 1 } });
  } catch (error) {
    throw (error as { statusCode?: number }).statusCode === 413 ? tooLarge() : invalid('files.missing');
  }
  if (!part) throw invalid('files.missing');
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw invalid('files.missing');
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  return { buffer, filename: part.filename, fields };
}
