import { type NonRespondent, REMINDER_COOLDOWN_MINUTES } from '../../../contract/surveys.js';

/**
 * What the reminder button would do now, counted as the server does (surveys.send.ts
 * remindNonRespondents): no e-mail address first, then who got a message within the cooldown —
 * split into the invitation and a reminder, so the page can say which — and the rest are due.
 * `nextAt`: when the first of the waiting people can be reminded (ms), null when nobody waits.
 */
export function reminderPlan(
  items: NonRespondent[],
  now: number,
  cooldownMinutes = REMINDER_COOLDOWN_MINUTES,
) {
  const cooldown = cooldownMinutes * 60_000;
  const plan = { due: 0, justInvited: 0, justReminded: 0, noEmail: 0, nextAt: null as number | null };
  for (const item of items) {
    if (!item.hasEmail) {
      plan.noEmail++;
      continue;
    }
    const invited = item.invitedAt ? Date.parse(item.invitedAt) : 0;
    const reminded = item.lastRemindedAt ? Date.parse(item.lastRemindedAt) : 0;
    const last = Math.max(invited, reminded);
    if (last + cooldown <= now) {
      plan.due++;
      continue;
    }
    // A first reminder to someone never invited stores both times equal: it was a reminder.
    if (reminded && reminded >= invited) plan.justReminded++;
    else plan.justInvited++;
    plan.nextAt = Math.min(plan.nextAt ?? Number.POSITIVE_INFINITY, last + cooldown);
  }
  return plan;
}
