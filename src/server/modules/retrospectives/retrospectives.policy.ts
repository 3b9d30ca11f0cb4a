import type { Policy } from '../../core/access.js';

/**
 * The retrospective (复盘) is the association's internal review: its figures include everyone's
 * attendance and its notes judge the organisation, speakers and hosts. Staff and admins only;
 * hosts get the host feedback report instead, members nothing.
 */
export const retrospectivesPolicy: Policy<'read' | 'write'> = {
  read: ['admin', 'staff'],
  write: ['admin', 'staff'],
};
