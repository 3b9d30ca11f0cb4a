import type { Policy } from '../../core/access.js';

export const groupsPolicy: Policy<'read' | 'manage'> = {
  read: ['admin', 'staff'],
  manage: ['admin', 'staff'],
};
