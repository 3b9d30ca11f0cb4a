import type { Policy } from '../../core/access.js';

export const usersPolicy: Policy<'list' | 'invite' | 'disable'> = {
  list: ['admin'],
  invite: ['admin'],
  disable: ['admin'],
};
