import type {
  TemplateDetail,
  TemplateDuplicate,
  TemplateInput,
  TemplateQuery,
  TemplateRename,
  TemplateSummary,
  TemplateVersion,
  VersionTreeInput,
} from '../../../contract/templates.js';
import { API_BASE, ApiError, api, download, readCookie } from '../../app/api.js';

export const templatesKey = ['templates'] as const;
export const versionKey = (id: string) => ['templates', 'version', id] as const;

export const listTemplates = (query: Partial<TemplateQuery> = {}) =>
  api.get<TemplateSummary[]>('/templates', query);
export const getTemplate = (id: string) => api.get<TemplateDetail>(`/templates/${id}`);
export const createTemplate = (input: TemplateInput) => api.post<TemplateDetail>('/templates', input);
export const renameTemplate = (id: string, input: TemplateRename) =>
  api.patch<TemplateDetail>(`/templates/${id}`, input);
export const setTemplateArchived = (id: string, archived: boolean) =>
  api.post<TemplateDetail>(`/templates/${id}/archive`, { archived });
export const duplicateTemplate = (id: string, input: TemplateDuplicate = {}) =>
  api.post<TemplateDetail>(`/templates/${id}/duplicate`, input);
export const openDraft = (templateId: string) => api.post<TemplateVersion>(`/templates/${templateId}/draft`);

export const getVersion = (versionId: string) => api.get<TemplateVersion>(`/template-versions/${versionId}`);
export const saveDraft = (versionId: string, tree: VersionTreeInput) =>
  api.put<TemplateVersion>(`/template-versions/${versionId}`, tree);
export const publishVersion = (versionId: string) =>
  api.post<TemplateVersion>(`/template-versions/${versionId}/publish`);
export const discardDraft = (versionId: string) => api.delete<void>(`/template-versions/${versionId}`);
export const exportVersion = (versionId: string) =>
  download(`/template-versions/${versionId}/export`, undefined, 'template.json');

/** Sends a file's text as it is: the server reports every problem, including broken JSON. */
export async function importTemplateFile(text: string): Promise<TemplateDetail> {
  const response = await fetch(`${API_BASE}/templates/import`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': readCookie('guanmo_csrf') ?? '',
    },
    body: text,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return body as TemplateDetail;
}
