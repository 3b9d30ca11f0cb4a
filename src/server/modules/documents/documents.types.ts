import type { AgendaItemType } from '../../../contract/agenda.js';
import type { EventFormat, EventStatus } from '../../../contract/events.js';

/**
 * Plain data the documents are rendered from. The service (documents.service.ts) fills them from
 * the events, agenda, route, sites and association modules; the builders and renderers know
 * nothing about the database.
 */
export type AgendaLine = {
  start: string;
  end: string;
  type: AgendaItemType;
  title: string;
  speaker: string | null;
  place: string | null;
  notes: string | null;
};

export type SiteInfo = {
  id: string;
  /** The site's row in this event (event_sites.id): registrations and routes point at it. */
  eventSiteId: string;
  /** Seats at this site in this event. */
  capacity: number;
  name: string;
  address: string | null;
  /** Already translated, e.g. 高端住宅. */
  projectType: string;
  households: number | null;
  areaM2: number | null;
  managingCompany: string | null;
  description: string | null;
  photos: {
    url: string;
    thumbUrl: string;
    caption: string | null;
    width: number | null;
    height: number | null;
  }[];
};

export type RouteInfo = { siteName: string; stops: { name: string; minutes: number }[] };

export type EventDocumentData = {
  eventId: string;
  slug: string;
  status: EventStatus;
  associationName: string;
  theme: string;
  /** e.g. 第3期, or null outside a series. */
  seriesLabel: string | null;
  eventDate: string;
  format: EventFormat;
  objectives: { label: string; explanation: string }[];
  focusDimensions: string[];
  sites: SiteInfo[];
  meetingPoint: string | null;
  capacity: number;
  /** Yuan; 0 when free. */
  fee: number;
  /** ISO instant. */
  registrationDeadline: string;
  contactName: string | null;
  contactPhone: string | null;
  notes: string | null;
  agenda: AgendaLine[];
  route: RouteInfo[];
  /** `<PUBLIC_URL>/e/<slug>`. */
  publicUrl: string;
  /** The day the document is issued (YYYY-MM-DD, China time). */
  issuedOn: string;
};

export type NoticeData = EventDocumentData;

/** Who is coming, as the host brief summarises it. Filled by the registration module. */
export type AttendeeSummary = {
  /** False until registration opens: then the figures are the plan (capacity), not people. */
  registrationStarted: boolean;
  expected: number;
  byUnitType: { label: string; count: number }[];
  byPosition: { label: string; count: number }[];
  units: string[];
  questions: string[];
};

export type HostBriefData = EventDocumentData & {
  /** The visited site this brief is for (with two sites, each host gets its own). */
  hostSite: SiteInfo | null;
  attendees: AttendeeSummary;
};

export type PosterData = {
  theme: string;
  seriesLabel: string | null;
  /** e.g. 2026年12月10日（星期四）13:30 */
  when: string;
  place: string;
  associationName: string;
  url: string;
};
