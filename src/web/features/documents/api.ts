import type { HostBrief, HostEvent } from '../../../contract/documents.js';
import { api, download } from '../../app/api.js';

export const listHostEvents = () => api.get<HostEvent[]>('/host/events');
export const getHostBrief = (eventId: string) => api.get<HostBrief>(`/events/${eventId}/host-brief`);
/** `path` is the API path the brief links to, e.g. /api/v1/events/<id>/host-brief.pdf. */
export const downloadDocument = (path: string) => download(path.replace(/^\/api\/v1/, ''));
