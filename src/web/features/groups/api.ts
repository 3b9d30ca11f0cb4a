import type { z } from 'zod';
import type {
  AutoGroupInput,
  GroupMember,
  groupsOverviewSchema,
  updateGroupSchema,
} from '../../../contract/groups.js';
import { api } from '../../app/api.js';

export type GroupsOverview = z.infer<typeof groupsOverviewSchema>;
export type GroupPatch = z.input<typeof updateGroupSchema>;
export type Member = GroupMember;

export const groupsKey = (eventId: string) => ['groups', eventId] as const;

export const getGroups = (eventId: string) => api.get<GroupsOverview>(`/events/${eventId}/groups`);
export const autoGroup = (eventId: string, input: AutoGroupInput) =>
  api.post<GroupsOverview>(`/events/${eventId}/groups/auto`, input);
export const createGroup = (eventId: string, eventSiteId: string, name: string) =>
  api.post<GroupsOverview>(`/events/${eventId}/groups`, { eventSiteId, name });
export const moveMembers = (eventId: string, registrationIds: string[], groupId: string | null) =>
  api.post<GroupsOverview>(`/events/${eventId}/groups/move`, { registrationIds, groupId });
export const updateGroup = (groupId: string, patch: GroupPatch) =>
  api.patch<GroupsOverview>(`/groups/${groupId}`, patch);
export const deleteGroup = (groupId: string) => api.delete<GroupsOverview>(`/groups/${groupId}`);
