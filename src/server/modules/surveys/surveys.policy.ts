import type { Policy } from '../../core/access.js';

/**
 * The survey is the association's: staff build it, open and close it, send it and read the
 * results. Attendees answer through the pass token (surveys.pass.ts); the QR slide is public.
 * Hosts and members see nothing here (the host's feedback is the report's business).
 */
export const surveysPolicy: Policy<'read' | 'manage'> = {
  read: ['admin', 'staff'],
  manage: ['admin', 'staff'],
};
