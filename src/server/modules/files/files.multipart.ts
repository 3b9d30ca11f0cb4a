import multipart from '@fastify/multipart';
import { FILE_LIMITS } from '../../../contract/files.js';
import type { App } from '../../core/http.js';

/**
 * Enables multipart bodies in the calling plugin's scope, sized for images. (The member-unit
 * Excel import enables its own in its scope; one app-wide registration would also do.)
 */
export async function enableImageUploads(app: App) {
  await app.register(multipart, {
    limits: { files: 1, fileSize: FILE_LIMITS.maxUploadBytes, parts: 10, fields: 5, fieldSize: 1000 },
  });
}
