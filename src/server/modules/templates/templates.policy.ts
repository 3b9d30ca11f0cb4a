import type { Policy } from '../../core/access.js';

/**
 * Admins and staff manage templates and see drafts; every signed-in role reads published versions
 * (members and hosts score with them and see what attendees will be asked).
 */
export const templatesPolicy: Policy<'read' | 'readDrafts' | 'write'> = {
  read: ['admin', 'staff', 'member', 'host'],
  readDrafts: ['admin', 'staff'],
  write: ['admin', 'staff'],
};
