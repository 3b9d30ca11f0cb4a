import type { Policy } from '../../core/access.js';

/**
 * Attendees reach their own observations through the pass token (observations.pass.ts decides);
 * the association's staff read everything of an event: summary, every note, the wall.
 */
export const observationsPolicy: Policy<'read'> = {
  read: ['admin', 'staff'],
};
