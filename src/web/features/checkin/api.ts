import type { CheckinListEntry, CheckinStats, ScanInput, ScanResult } from '../../../contract/checkin.js';
import type { RegisterInput, RegisterResult } from '../../../contract/registrations.js';
import { api } from '../../app/api.js';

export const checkinKey = (eventId: string) => ['checkin', eventId] as const;
export const statsKey = (eventId: string) => ['checkin', eventId, 'stats'] as const;

/** A scan as the web app sends it (the contract's input, with the method spelled out). */
export type ScanRequest = Omit<ScanInput, 'method'> & { method: ScanInput['method'] };

export const postScan = (eventId: string, scan: ScanRequest) =>
  api.post<ScanResult>(`/events/${eventId}/checkin/scans`, scan);
export const postScanBatch = (eventId: string, scans: ScanRequest[]) =>
  api.post<{ results: ScanResult[] }>(`/events/${eventId}/checkin/scans/batch`, { scans });
export const undoCheckin = (eventId: string, checkinId: string) =>
  api.post<{ ok: true }>(`/events/${eventId}/checkin/checkins/${checkinId}/undo`, {});
export const getCheckinList = (eventId: string) =>
  api.get<CheckinListEntry[]>(`/events/${eventId}/checkin/list`);
export const getCheckinStats = (eventId: string) => api.get<CheckinStats>(`/events/${eventId}/checkin/stats`);
/** 现场报名: the staff registration endpoint; the scanner then checks the person in. */
export const registerWalkIn = (eventId: string, input: RegisterInput) =>
  api.post<RegisterResult>(`/events/${eventId}/registrations`, input);

/** The live stream of arrivals (签到 and 撤销) of an event, read with EventSource. */
export const checkinStreamUrl = (eventId: string) => `/api/v1/events/${eventId}/checkin/stream`;
