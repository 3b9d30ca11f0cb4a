import type { Policy } from '../../core/access.js';

/** Registration management is staff work; registrants act through their pass, not an account. */
export const registrationsPolicy: Policy<'manage' | 'export'> = {
  manage: ['admin', 'staff'],
  export: ['admin', 'staff'],
};
