import type { Policy } from '../../core/access.js';

/** Outbox, templates and webhook settings are the association office's business only. */
export const notificationsPolicy: Policy<
  'readOutbox' | 'resend' | 'readTemplates' | 'writeTemplates' | 'readSettings' | 'writeSettings' | 'sendTest'
> = {
  readOutbox: ['admin', 'staff'],
  resend: ['admin', 'staff'],
  readTemplates: ['admin', 'staff'],
  writeTemplates: ['admin', 'staff'],
  readSettings: ['admin', 'staff'],
  writeSettings: ['admin'],
  sendTest: ['admin', 'staff'],
};
