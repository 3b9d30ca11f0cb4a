import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../contract/common.js';
import type { Me } from '../../contract/users.js';
import { ApiError, api } from './api.js';

export const meKey = ['me'] as const;
export const setupKey = ['setup'] as const;

export type SetupStatus = { needsSetup: boolean; associationName: string | null };

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Whether the association still needs its first setup, and its name once it exists. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<SetupStatus>('/setup'),
    staleTime: 10 * 60_000,
  });
}

export const isStaff = (role: Role | undefined) => role === 'admin' || role === 'staff';
