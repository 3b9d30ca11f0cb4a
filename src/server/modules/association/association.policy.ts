import type { Policy } from '../../core/access.js';

export const associationPolicy: Policy<'read' | 'update'> = {
  read: ['admin', 'staff', 'member', 'host'],
  update: ['admin'],
};
