import type { Policy } from '../../core/access.js';

export const memberUnitsPolicy: Policy<'read' | 'write' | 'import' | 'export'> = {
  read: ['admin', 'staff', 'member', 'host'],
  write: ['admin', 'staff'],
  import: ['admin', 'staff'],
  export: ['admin', 'staff'],
};
