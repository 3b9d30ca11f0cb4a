import { z } from 'zod';
import { EVENT_FORMATS, EVENT_STATUSES, SLUG_RE } from './events.js';

/** Slugs in public URLs; anything else is a 404, not a 400 (the URL simply does not exist). */
export const publicSlugParamsSchema = z.object({ slug: z.string().max(60) });
export const isSlug = (value: string) => SLUG_RE.test(value);

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const agendaLineSchema = z.object({
  start: z.string(),
  end: z.string(),
  title: z.string(),
  /** The first line of the notes and the speaker. */
  detail: z.string().nullable(),
});

const routeSchema = z.object({
  siteName: z.string(),
  stops: z.array(z.object({ name: z.string(), minutes: z.number().int() })),
});

/** What the public event page /e/:slug shows; only for events that are not drafts. */
export const publicEventSchema = z.object({
  slug: z.string(),
  status: z.enum(EVENT_STATUSES),
  theme: z.string(),
  seriesLabel: z.string().nullable(),
  associationName: z.string(),
  eventDate: z.string(),
  /** e.g. 2026年12月10日（星期四） */
  dateText: z.string(),
  /** e.g. 13:30-17:00, null before the agenda exists. */
  timeSpan: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  objectives: z.array(z.object({ label: z.string(), explanation: z.string() })),
  focusDimensions: z.array(z.string()),
  sites: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string().nullable(),
      projectType: z.string(),
      intro: z.string(),
      photos: z.array(
        z.object({
          url: z.string(),
          thumbUrl: z.string(),
          caption: z.string().nullable(),
          width: z.number().int().nullable(),
          height: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  meetingPoint: z.string().nullable(),
  capacity: z.number().int(),
  fee: z.number(),
  registrationDeadline: z.string(),
  deadlineText: z.string(),
  /** Registration is open now (published and before the deadline). */
  registrationOpen: z.boolean(),
  /** The registration page exists (the registration module is installed). */
  agenda: z.array(agendaLineSchema),
  route: z.array(routeSchema),
  notes: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  links: z.object({
    page: z.string(),
    register: z.string(),
    noticePdf: z.string(),
    noticeDocx: z.string(),
    poster: z.string(),
  }),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

const countSchema = z.object({ label: z.string(), count: z.number().int() });

/** The host brief as the host's read-only page shows it. */
export const hostBriefSchema = z.object({
  eventId: z.uuid(),
  theme: z.string(),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  dateText: z.string(),
  timeSpan: z.string().nullable(),
  siteName: z.string().nullable(),
  agenda: z.array(agendaLineSchema),
  attendees: z.object({
    registrationStarted: z.boolean(),
    expected: z.number().int(),
    byUnitType: z.array(countSchema),
    byPosition: z.array(countSchema),
    units: z.array(z.string()),
    questions: z.array(z.string()),
  }),
  focusDimensions: z.array(z.string()),
  route: z.array(routeSchema),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  links: z.object({ pdf: z.string(), docx: z.string() }),
});
export type HostBrief = z.infer<typeof hostBriefSchema>;

export const hostEventSchema = z.object({
  id: z.uuid(),
  theme: z.string(),
  eventDate: z.string(),
  status: z.enum(EVENT_STATUSES),
});
export type HostEvent = z.infer<typeof hostEventSchema>;
