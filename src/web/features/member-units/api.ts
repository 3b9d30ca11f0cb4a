import type { z } from 'zod';
import type { Page } from '../../../contract/common.js';
import type {
  ImportRow,
  importPreviewSchema,
  importResultSchema,
  MemberUnit,
  MemberUnitInput,
  MemberUnitQuery,
} from '../../../contract/member-units.js';
import { api, download } from '../../app/api.js';

export type MemberUnitFilters = Partial<Omit<MemberUnitQuery, 'page' | 'pageSize'>>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type { ImportRow };

export const memberUnitsKey = ['member-units'] as const;

export const listMemberUnits = (query: MemberUnitFilters & { page: number; pageSize: number }) =>
  api.get<Page<MemberUnit>>('/member-units', query);
export const createMemberUnit = (input: MemberUnitInput) => api.post<MemberUnit>('/member-units', input);
export const updateMemberUnit = (id: string, input: MemberUnitInput) =>
  api.put<MemberUnit>(`/member-units/${id}`, input);
export const setMemberUnitArchived = (id: string, archived: boolean) =>
  api.post<MemberUnit>(`/member-units/${id}/archive`, { archived });

export const downloadImportTemplate = () =>
  download('/member-units/import/template', undefined, 'member-units-template.xlsx');
export const exportMemberUnits = (filters: MemberUnitFilters) =>
  download('/member-units/export', filters, 'member-units.xlsx');

export function previewImport(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportPreview>('/member-units/import/preview', form);
}
export const commitImport = (units: MemberUnitInput[]) =>
  api.post<ImportResult>('/member-units/import/commit', { units });
