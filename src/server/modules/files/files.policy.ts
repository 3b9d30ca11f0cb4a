import type { Policy } from '../../core/access.js';

/** Any signed-in user may upload an image; reading is decided per file (see files.access.ts). */
export const filesPolicy: Policy<'upload'> = {
  upload: ['admin', 'staff', 'member', 'host'],
};
