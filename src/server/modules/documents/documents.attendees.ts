import type { Ctx } from '../../core/context.js';
import type { AttendeeSummary } from './documents.types.js';

/**
 * Hook points for the registration module (next issue), which fills them from real
 * registrations: who is coming to one event site (counts by unit type and position, the units,
 * questions for the host), and whether the registration page /e/:slug/register exists.
 * Until then registration has not started and the expected number is the capacity.
 */
export async function attendeeSummary(
  _ctx: Ctx,
  _eventId: string,
  plan: { capacity: number },
): Promise<AttendeeSummary> {
  return {
    registrationStarted: false,
    expected: plan.capacity,
    byUnitType: [],
    byPosition: [],
    units: [],
    questions: [],
  };
}

/** True once the registration module serves /e/:slug/register. */
export const REGISTRATION_PAGE_AVAILABLE = false;
