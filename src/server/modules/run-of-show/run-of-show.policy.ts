import type { Policy } from '../../core/access.js';

/**
 * Time control is staff work; hosts (被参观方) follow the show and their guides report where
 * their groups are — a host only for the groups and the events of their own site
 * (run-of-show.access.ts checks the site).
 */
export const runOfShowPolicy: Policy<'read' | 'mark' | 'report'> = {
  read: ['admin', 'staff', 'host'],
  mark: ['admin', 'staff'],
  report: ['admin', 'staff', 'host'],
};
