import type { AgendaItem } from '../../../contract/agenda.js';
import type { Event } from '../../../contract/events.js';
import type { Ctx } from '../../core/context.js';
import { t } from '../../core/i18n.js';
import { itemRows, latestVersion, presentItem } from '../agenda/agenda.service.js';
import { getAssociation } from '../association/association.service.js';
import { chinaDate, todayInChina } from '../events/events.dates.js';
import { OBJECTIVE_TEXTS } from '../events/events.seed.js';
import { eventById } from '../events/events.service.js';
import { routeOf } from '../route-stops/route-stops.service.js';
import { photosOf, requireSite } from '../sites/sites.service.js';
import { loadVersion } from '../templates/templates.tree.js';
import type { EventDocumentData, SiteInfo } from './documents.types.js';

export const publicEventUrl = (ctx: Ctx, slug: string) => `${ctx.config.publicUrl}/e/${slug}`;

/**
 * The agenda everyone outside the office sees: the latest published version once the event is
 * public; the working copy while it is a draft (staff proofing the notice).
 */
async function visibleAgenda(ctx: Ctx, event: Event): Promise<AgendaItem[]> {
  if (event.status !== 'draft') {
    const published = await latestVersion(ctx, event.id);
    if (published) return published.items;
  }
  return (await itemRows(ctx, event.id)).map(presentItem);
}

async function focusDimensionNames(ctx: Ctx, event: Event): Promise<string[]> {
  if (!event.templateVersionId || !event.focusDimensionIds.length) return [];
  const version = await loadVersion(ctx, event.templateVersionId);
  const wanted = new Set(event.focusDimensionIds);
  return version.dimensions.filter((d) => wanted.has(d.id)).map((d) => d.name);
}

async function siteInfos(ctx: Ctx, event: Event): Promise<SiteInfo[]> {
  const siteIds = event.sites.map((s) => s.siteId);
  const [rows, photos] = await Promise.all([
    Promise.all(siteIds.map((id) => requireSite(ctx, id))),
    photosOf(ctx, siteIds),
  ]);
  return rows.map((site, i) => ({
    id: site.id,
    eventSiteId: event.sites[i].id,
    capacity: event.sites[i].capacity,
    name: site.name,
    address: site.address,
    projectType: t(ctx.lang, `enums.projectType.${site.projectType}`),
    households: site.households,
    areaM2: site.areaM2,
    managingCompany: site.managingCompany,
    description: site.description,
    photos: (photos.get(site.id) ?? []).map((p) => ({
      url: p.url,
      thumbUrl: p.thumbUrl,
      caption: p.caption,
      width: p.width,
      height: p.height,
    })),
  }));
}

/** Everything the notice, host brief, poster and public page show, read through the modules' services. */
export async function eventDocumentData(ctx: Ctx, eventId: string): Promise<EventDocumentData> {
  const event = await eventById(ctx, eventId);
  const [association, agenda, route, focusDimensions, sites] = await Promise.all([
    getAssociation(ctx),
    visibleAgenda(ctx, event),
    routeOf(ctx, eventId),
    focusDimensionNames(ctx, event),
    siteInfos(ctx, event),
  ]);
  const seriesLabel =
    event.seriesName && event.issueNumber
      ? t(ctx.lang, 'documents.series_label', { series: event.seriesName, n: event.issueNumber })
      : null;
  const issuedOn =
    event.status === 'published' && event.statusChangedAt
      ? chinaDate(new Date(event.statusChangedAt))
      : todayInChina(ctx.clock);
  return {
    eventId: event.id,
    slug: event.slug,
    status: event.status,
    associationName: association?.name ?? '',
    theme: event.theme,
    seriesLabel,
    eventDate: event.eventDate,
    format: event.format,
    objectives: event.objectives.map((code) => OBJECTIVE_TEXTS[ctx.lang][code]),
    focusDimensions,
    sites,
    meetingPoint: event.meetingPoint,
    capacity: event.capacity,
    fee: event.fee,
    registrationDeadline: event.registrationDeadline,
    contactName: event.contactName,
    contactPhone: event.contactPhone,
    notes: event.notes,
    agenda: agenda.map((item) => ({
      start: item.start,
      end: item.end,
      type: item.type,
      title: item.title,
      speaker: item.speaker,
      place: item.place,
      notes: item.notes,
    })),
    route: route.sites.map((s) => ({
      siteName: s.siteName,
      stops: s.stops.map((stop) => ({ name: stop.name, minutes: stop.minutes })),
    })),
    publicUrl: publicEventUrl(ctx, event.slug),
    issuedOn,
  };
}
