import type { Policy } from '../../core/access.js';

/**
 * Staff and admins read every event's documents, drafts included (to proof them). A host reads
 * the brief of the published events at its own site (users.site_id, checked in the service).
 * Published events' notices, page and poster are public and need no policy.
 */
export const documentsPolicy: Policy<'readEventDocuments' | 'readHostBrief'> = {
  readEventDocuments: ['admin', 'staff'],
  readHostBrief: ['admin', 'staff', 'host'],
};
