import type { Policy } from '../../core/access.js';

/** Check-in is staff work at the gate; a host's people may help guide but do not scan. */
export const checkinPolicy: Policy<'scan' | 'read'> = {
  scan: ['admin', 'staff'],
  read: ['admin', 'staff'],
};
