import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { qaJoinPath, qaPublicChannel, type Screen } from '../../../contract/qa.js';
import { isStaffOrAdmin } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { events } from '../events/events.table.js';
import { lastEventIdOf, presentPublic, questionsOf, sortQuestions, visibleOnly } from './qa.present.js';
import { settingsOf } from './qa.settings.js';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The presenter screen's access: the event's screen key (the link staff open on the projector) or
 * a staff/admin session. Anything else answers 404, as if the event had no screen: the slug is
 * public, the attendees' questions and names are not.
 */
export async function screenEvent(ctx: Ctx, slug: string, key: string | undefined) {
  const [event] = await ctx.db.select().from(events).where(eq(events.slug, slug.toLowerCase()));
  if (!event) throw notFound('@entities.event');
  const settings = await settingsOf(ctx, event.id);
  if (!isStaffOrAdmin(ctx.actor) && !(key && sameSecret(key, settings.screenKey)))
    throw notFound('@entities.event');
  return event;
}

/** `GET /public/events/:slug/qa/screen` */
export async function screenData(ctx: Ctx, slug: string, key: string | undefined): Promise<Screen> {
  const event = await screenEvent(ctx, slug, key);
  const lastEventId = await lastEventIdOf(ctx, qaPublicChannel(event.id));
  const questions = sortQuestions(
    (await questionsOf(ctx, event.id, [visibleOnly()])).map(presentPublic),
    'votes',
  );
  const current = questions.find((q) => q.pinned) ?? questions.find((q) => q.status === 'approved') ?? null;
  return {
    event: { id: event.id, slug: event.slug, theme: event.theme, eventDate: event.eventDate },
    joinUrl: `${ctx.config.publicUrl}${qaJoinPath(event.slug)}`,
    current,
    lastEventId,
    questions,
  };
}
