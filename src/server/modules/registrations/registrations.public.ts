import { and, asc, eq, ne } from 'drizzle-orm';
import { CONSENT_VERSION, type RegistrationForm } from '../../../contract/registrations.js';
import type { Ctx } from '../../core/context.js';
import { templateDimensions } from '../templates/templates.table.js';
import { fieldsOf, settingsOf } from './registration-form.js';
import { notifyRegistrant } from './registrations.notify.js';
import { eventBySlug, registrationOpen, seatsTaken, sitesOfEvent } from './registrations.service.js';
import { registrations } from './registrations.table.js';

/** Everything the public registration page needs, for a published (or later) event. */
export async function registrationForm(ctx: Ctx, slug: string): Promise<RegistrationForm> {
  const event = await eventBySlug(ctx, slug);
  const state = registrationOpen(event, ctx.clock.now());
  const taken = await seatsTaken(ctx, event.id);
  const siteList = await sitesOfEvent(ctx, event.id);
  const eventRemaining = Math.max(0, event.capacity - taken.total);
  const dimensions = event.templateVersionId
    ? await ctx.db
        .select({ id: templateDimensions.id, name: templateDimensions.name })
        .from(templateDimensions)
        .where(eq(templateDimensions.versionId, event.templateVersionId))
        .orderBy(asc(templateDimensions.position))
    : [];
  return {
    eventId: event.id,
    slug: event.slug,
    theme: event.theme,
    eventDate: event.eventDate,
    registrationDeadline: event.registrationDeadline.toISOString(),
    open: state.open,
    closedReason: state.reason,
    sites: siteList.map((s) => ({
      eventSiteId: s.id,
      siteName: s.siteName,
      capacity: s.capacity,
      remaining: Math.min(eventRemaining, Math.max(0, s.capacity - (taken.bySite.get(s.id) ?? 0))),
    })),
    remaining: eventRemaining,
    settings: await settingsOf(ctx, event.id),
    fields: await fieldsOf(ctx, event.id),
    dimensions,
    consentVersion: CONSENT_VERSION,
  };
}

/**
 * "I registered already": sends the existing pass link again to the e-mail on file. Answers the
 * same whether or not the number is registered, so nobody can probe who registered.
 */
export async function resendPass(ctx: Ctx, slug: string, mobile: string) {
  const event = await eventBySlug(ctx, slug);
  const [reg] = await ctx.db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        eq(registrations.mobile, mobile),
        ne(registrations.status, 'cancelled'),
      ),
    );
  if (reg?.email)
    await notifyRegistrant(ctx, event, reg, reg.status === 'waitlisted' ? 'waitlisted' : 'confirmation');
}
