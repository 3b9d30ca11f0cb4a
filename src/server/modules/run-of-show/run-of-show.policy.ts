import type { Policy } from '../../core/access.js';

/**
 * Time control is staff work. A host (被参观方) follows the show for the events at their own site:
 * the console (agenda, countdown, warnings), the board and its stream, and reports where the
 * groups of their site are (their guides walk the route). Marking agenda items' actual start and
 * end stays with staff: the association keeps one clock for the day and for the retrospective.
 * run-of-show.access.ts narrows a host to their site: another site's event is 404 (not leaked),
 * another site's group of the same event is 403.
 */
export const runOfShowPolicy: Policy<'read' | 'mark' | 'report'> = {
  read: ['admin', 'staff', 'host'],
  mark: ['admin', 'staff'],
  report: ['admin', 'staff', 'host'],
};
