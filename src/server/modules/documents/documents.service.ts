import type { DocumentFormat, HostBrief, HostEvent, PublicEvent } from '../../../contract/documents.js';
import { authorize, isStaffOrAdmin } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import type { OfficialDocument } from '../../core/documents/official-document.js';
import { qrPng } from '../../core/documents/qr.js';
import { notFound } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { publicEventIdBySlug, publicEventsAtSite } from '../events/events.public.js';
import { cachedRender, cacheKey } from './document-cache.js';
import {
  agendaDetail,
  agendaSpan,
  dateWithWeekday,
  formatDateTime,
  noteItems,
  siteIntro,
  sitePlaceText,
} from './document-text.js';
import { attendeeSummary } from './documents.attendees.js';
import { eventDocumentData } from './documents.data.js';
import { documentsPolicy } from './documents.policy.js';
import type { EventDocumentData, HostBriefData } from './documents.types.js';
import { buildHostBrief, hostBriefTitle } from './host-brief.builder.js';
import { buildNotice, noticeTitle } from './notice.builder.js';
import { renderPoster } from './poster.js';

export type RenderedFile = {
  body: Buffer;
  mime: string;
  /** The document's own (Chinese) title as file name … */
  filename: string;
  /** … and a plain ASCII one for old clients. */
  asciiName: string;
};

const MIME: Record<DocumentFormat | 'png', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
};

/** pdfmake and docx load on the first document, not at server start. */
function renderOfficial(doc: OfficialDocument, format: DocumentFormat, key: string) {
  return cachedRender(key, async () =>
    format === 'pdf'
      ? (await import('../../core/documents/pdf.js')).officialDocumentPdf(doc)
      : (await import('../../core/documents/docx.js')).officialDocumentDocx(doc),
  );
}

async function noticeFile(ctx: Ctx, data: EventDocumentData, format: DocumentFormat): Promise<RenderedFile> {
  const key = cacheKey('notice', format, ctx.lang, data);
  const qr = await qrPng(data.publicUrl);
  const body = await renderOfficial(buildNotice(ctx.lang, data, qr), format, key);
  return {
    body,
    mime: MIME[format],
    filename: `${noticeTitle(ctx.lang, data)}.${format}`,
    asciiName: `notice-${data.slug}.${format}`,
  };
}

/** The formal notice of any event, drafts included (staff proofing it). */
export async function eventNotice(ctx: Ctx, eventId: string, format: DocumentFormat) {
  authorize(ctx, documentsPolicy, 'readEventDocuments');
  return noticeFile(ctx, await eventDocumentData(ctx, eventId), format);
}

/** The formal notice of a published event, for anyone. Drafts are 404. */
export async function publicNotice(ctx: Ctx, slug: string, format: DocumentFormat) {
  const eventId = await publicEventIdBySlug(ctx, slug);
  return noticeFile(ctx, await eventDocumentData(ctx, eventId), format);
}

/**
 * The event's data for the host brief. Staff and admins see any event's brief; a host only the
 * published events at its own site — anything else is 404, as if it did not exist.
 */
async function hostBriefData(ctx: Ctx, eventId: string): Promise<HostBriefData> {
  const actor = authorize(ctx, documentsPolicy, 'readHostBrief');
  const data = await eventDocumentData(ctx, eventId);
  const hostSite = isStaffOrAdmin(actor)
    ? data.sites.length === 1
      ? data.sites[0]
      : null
    : (data.sites.find((s) => s.id === actor.siteId) ?? null);
  if (!isStaffOrAdmin(actor) && (!hostSite || data.status === 'draft')) throw notFound('@entities.event');
  const attendees = await attendeeSummary(ctx, eventId, {
    capacity: hostSite ? hostSite.capacity : data.capacity,
    eventSiteId: hostSite?.eventSiteId ?? null,
  });
  return { ...data, hostSite, attendees };
}

export async function hostBriefFile(
  ctx: Ctx,
  eventId: string,
  format: DocumentFormat,
): Promise<RenderedFile> {
  const data = await hostBriefData(ctx, eventId);
  const key = cacheKey('host-brief', format, ctx.lang, data);
  const body = await renderOfficial(buildHostBrief(ctx.lang, data), format, key);
  return {
    body,
    mime: MIME[format],
    filename: `${hostBriefTitle(ctx.lang, data)}.${format}`,
    asciiName: `host-brief-${data.slug}.${format}`,
  };
}

function agendaView(ctx: Ctx, data: EventDocumentData) {
  return data.agenda.map((item) => ({
    start: item.start,
    end: item.end,
    title: item.title,
    detail: agendaDetail(ctx.lang, item).detail,
  }));
}

/** The host brief as JSON, for the host's read-only page. */
export async function getHostBrief(ctx: Ctx, eventId: string): Promise<HostBrief> {
  const data = await hostBriefData(ctx, eventId);
  return {
    eventId: data.eventId,
    theme: data.theme,
    title: hostBriefTitle(ctx.lang, data),
    status: data.status,
    dateText: dateWithWeekday(ctx.lang, data.eventDate),
    timeSpan: agendaSpan(data.agenda),
    siteName: data.hostSite?.name ?? null,
    agenda: agendaView(ctx, data),
    attendees: data.attendees,
    focusDimensions: data.focusDimensions,
    route: data.route.filter((r) => !data.hostSite || r.siteName === data.hostSite.name),
    contactName: data.contactName,
    contactPhone: data.contactPhone,
    links: {
      pdf: `/api/v1/events/${data.eventId}/host-brief.pdf`,
      docx: `/api/v1/events/${data.eventId}/host-brief.docx`,
    },
  };
}

/** The events visiting the signed-in host's site. */
export async function listHostEvents(ctx: Ctx): Promise<HostEvent[]> {
  const actor = authorize(ctx, documentsPolicy, 'readHostBrief');
  if (!actor.siteId) return [];
  return publicEventsAtSite(ctx, actor.siteId);
}

/** What /e/:slug shows. Drafts and unknown slugs are 404. */
export async function getPublicEvent(ctx: Ctx, slug: string): Promise<PublicEvent> {
  const eventId = await publicEventIdBySlug(ctx, slug);
  const data = await eventDocumentData(ctx, eventId);
  const base = `/api/v1/public/events/${data.slug}`;
  return {
    slug: data.slug,
    status: data.status,
    theme: data.theme,
    seriesLabel: data.seriesLabel,
    associationName: data.associationName,
    eventDate: data.eventDate,
    dateText: dateWithWeekday(ctx.lang, data.eventDate),
    timeSpan: agendaSpan(data.agenda),
    format: data.format,
    objectives: data.objectives,
    focusDimensions: data.focusDimensions,
    sites: data.sites.map((site) => ({
      id: site.id,
      name: site.name,
      address: site.address,
      projectType: site.projectType,
      intro: siteIntro(ctx.lang, site),
      photos: site.photos,
    })),
    meetingPoint: data.meetingPoint,
    capacity: data.capacity,
    fee: data.fee,
    registrationDeadline: data.registrationDeadline,
    deadlineText: formatDateTime(ctx.lang, data.registrationDeadline),
    registrationOpen:
      data.status === 'published' && ctx.clock.now().getTime() < Date.parse(data.registrationDeadline),
    agenda: agendaView(ctx, data),
    route: data.route.filter((r) => r.stops.length),
    notes: noteItems(data.notes),
    contactName: data.contactName,
    contactPhone: data.contactPhone,
    links: {
      page: `/e/${data.slug}`,
      register: `/e/${data.slug}/register`,
      noticePdf: `${base}/notice.pdf`,
      noticeDocx: `${base}/notice.docx`,
      poster: `${base}/poster.png`,
    },
  };
}

/** The shareable poster (PNG) of a published event. */
export async function publicPoster(ctx: Ctx, slug: string): Promise<RenderedFile> {
  const eventId = await publicEventIdBySlug(ctx, slug);
  const data = await eventDocumentData(ctx, eventId);
  const span = agendaSpan(data.agenda);
  const poster = {
    theme: data.theme,
    seriesLabel: data.seriesLabel,
    when: `${dateWithWeekday(ctx.lang, data.eventDate)}${span ? ` ${span}` : ''}`,
    place: data.sites.map((s) => sitePlaceText(ctx.lang, s)).join(t(ctx.lang, 'documents.list_separator')),
    associationName: data.associationName,
    url: data.publicUrl,
  };
  const body = await cachedRender(cacheKey('poster', ctx.lang, poster), () => renderPoster(ctx.lang, poster));
  return { body, mime: MIME.png, filename: `poster-${data.slug}.png`, asciiName: `poster-${data.slug}.png` };
}
