import type { Page } from '../../../contract/common.js';
import type {
  Coverage,
  CoverageSuggestion,
  Criterion,
  CriterionInput,
  HostAccount,
  MyScore,
  ScoreInput,
  ShortlistEntry,
  Site,
  SiteInput,
  SitePhoto,
  SiteQuery,
  SiteSummary,
} from '../../../contract/sites.js';
import { api } from '../../app/api.js';

export type SiteFilters = Partial<Omit<SiteQuery, 'page' | 'pageSize'>>;

export const sitesKey = ['sites'] as const;
export const screeningKey = ['screening'] as const;

export const listSites = (query: SiteFilters & { page: number; pageSize: number }) =>
  api.get<Page<SiteSummary>>('/sites', query);
export const getSite = (id: string) => api.get<Site>(`/sites/${id}`);
export const createSite = (input: SiteInput) => api.post<Site>('/sites', input);
export const updateSite = (id: string, input: SiteInput) => api.put<Site>(`/sites/${id}`, input);
export const setSiteArchived = (id: string, archived: boolean) =>
  api.post<Site>(`/sites/${id}/archive`, { archived });

export const getSiteTags = () => api.get<{ tags: string[] }>('/site-tags');
export const saveSiteTags = (tags: string[]) => api.put<{ tags: string[] }>('/site-tags', { tags });

export const listHostAccounts = (q?: string) => api.get<HostAccount[]>('/site-host-accounts', { q });
export const linkHost = (siteId: string, userId: string) =>
  api.post<Site>(`/sites/${siteId}/hosts`, { userId });
export const unlinkHost = (siteId: string, userId: string) =>
  api.delete<Site>(`/sites/${siteId}/hosts/${userId}`);

export const updatePhoto = (
  siteId: string,
  photoId: string,
  input: { caption?: string | null; isCover?: true },
) => api.patch<SitePhoto[]>(`/sites/${siteId}/photos/${photoId}`, input);
export const reorderPhotos = (siteId: string, photoIds: string[]) =>
  api.put<SitePhoto[]>(`/sites/${siteId}/photos/order`, { photoIds });
export const deletePhoto = (siteId: string, photoId: string) =>
  api.delete<SitePhoto[]>(`/sites/${siteId}/photos/${photoId}`);

export const listCriteria = () => api.get<Criterion[]>('/screening/criteria');
export const createCriterion = (input: CriterionInput) => api.post<Criterion>('/screening/criteria', input);
export const updateCriterion = (id: string, input: CriterionInput) =>
  api.put<Criterion>(`/screening/criteria/${id}`, input);
export const deleteCriterion = (id: string) => api.delete<void>(`/screening/criteria/${id}`);
export const listMyScores = () => api.get<MyScore[]>('/screening/my-scores');
export const saveMyScores = (siteId: string, input: ScoreInput) =>
  api.put<MyScore[]>(`/sites/${siteId}/scores`, input);
export const getShortlist = () => api.get<ShortlistEntry[]>('/screening/shortlist');

export const getCoverage = (siteIds: string[]) =>
  api.get<Coverage>('/coverage', { siteIds: siteIds.join(',') });
export const suggestCoverage = () => api.get<CoverageSuggestion>('/coverage/suggest');
