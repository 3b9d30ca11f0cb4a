import type { Policy } from '../../core/access.js';

/**
 * The association's staff run the Q&A: they read every question (pending and hidden ones too) and
 * moderate. Attendees reach the Q&A through the pass token (qa.pass.ts decides); the presenter
 * screen through the event's screen key or a staff session (qa.screen.ts).
 */
export const qaPolicy: Policy<'read' | 'moderate'> = {
  read: ['admin', 'staff'],
  moderate: ['admin', 'staff'],
};
