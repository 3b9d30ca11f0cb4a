import { z } from 'zod';
import { LIMITS, optionalText, text } from './common.js';

export const ROUTE_LIMITS = { maxStops: 30, maxMinutes: 240 } as const;

export const routeStopInputSchema = z.object({
  name: text(100),
  minutes: z.number().int().min(1).max(ROUTE_LIMITS.maxMinutes),
  /** Observation points of the event's template version to look at here. */
  pointIds: z.array(z.uuid()).max(100).default([]),
  guideNotes: optionalText(LIMITS.longText),
});
export type RouteStopInput = z.infer<typeof routeStopInputSchema>;

/** The whole ordered route of one event site; the order of the array is the order of the stops. */
export const routeInputSchema = z.object({ stops: z.array(routeStopInputSchema).max(ROUTE_LIMITS.maxStops) });

export const routeStopSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  minutes: z.number().int(),
  pointIds: z.array(z.uuid()),
  /** The dimensions the chosen points belong to. */
  dimensionIds: z.array(z.uuid()),
  guideNotes: z.string().nullable(),
});
export type RouteStop = z.infer<typeof routeStopSchema>;

export const siteRouteSchema = z.object({
  eventSiteId: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  stops: z.array(routeStopSchema),
  totalMinutes: z.number().int(),
  /** Minutes of the agenda's tour item(s); 0 when the agenda has none. */
  tourMinutes: z.number().int(),
  /** True when the stops take longer than the tour slot. */
  exceedsTour: z.boolean(),
});
export type SiteRoute = z.infer<typeof siteRouteSchema>;

export const eventRouteSchema = z.object({ eventId: z.uuid(), sites: z.array(siteRouteSchema) });
export type EventRoute = z.infer<typeof eventRouteSchema>;

export const routeParamsSchema = z.object({ id: z.uuid(), eventSiteId: z.uuid() });

/** The points of the event's template version, for the stop editor's picker. */
export const routePointOptionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  dimensionId: z.uuid(),
  dimensionName: z.string(),
});
export type RoutePointOption = z.infer<typeof routePointOptionSchema>;
