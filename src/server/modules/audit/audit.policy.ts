import type { Policy } from '../../core/access.js';

export const auditPolicy: Policy<'read'> = { read: ['admin'] };
