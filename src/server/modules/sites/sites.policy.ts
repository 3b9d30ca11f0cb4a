import type { Policy } from '../../core/access.js';

/**
 * The site registry, screening and coverage are the association's planning tools: admins and
 * staff. A host reads its own site only (checked in the service); photos of registry sites are
 * public (site-photos.access.ts).
 */
export const sitesPolicy: Policy<'read' | 'readOwn' | 'write' | 'screen' | 'coverage'> = {
  read: ['admin', 'staff'],
  readOwn: ['host'],
  write: ['admin', 'staff'],
  screen: ['admin', 'staff'],
  coverage: ['admin', 'staff'],
};
