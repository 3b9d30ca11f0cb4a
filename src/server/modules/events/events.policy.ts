import type { Policy } from '../../core/access.js';

/**
 * Planning an event (the event, its agenda, route, checklist and materials) is association work.
 * Members and hosts see events through the published pages of the registration and notice modules.
 */
export const eventsPolicy: Policy<'read' | 'write' | 'transition'> = {
  read: ['admin', 'staff'],
  write: ['admin', 'staff'],
  transition: ['admin', 'staff'],
};
