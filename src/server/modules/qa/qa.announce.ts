import { qaPublicChannel, qaStaffChannel } from '../../../contract/qa.js';
import type { Ctx } from '../../core/context.js';
import { publish } from '../../core/realtime.js';
import { isVisible, presentPublic, presentStaff, type QuestionWithAuthor, questionOf } from './qa.present.js';

/**
 * Publishes a question's new state inside the write's transaction (delivered at commit): the
 * staff channel always; the public channel only what attendees may see — the question when it is
 * visible, a `removed` when it just stopped being visible, nothing at all for a question that was
 * never visible (a pending or hidden one never reaches attendees or the screen).
 */
export async function announceQuestion(
  ctx: Ctx,
  eventId: string,
  questionId: string,
  wasVisible: boolean,
): Promise<QuestionWithAuthor> {
  const question = await questionOf(ctx, eventId, questionId);
  await publish(ctx, qaStaffChannel(eventId), 'question', presentStaff(question));
  if (isVisible(question.status))
    await publish(ctx, qaPublicChannel(eventId), 'question', presentPublic(question));
  else if (wasVisible) await publish(ctx, qaPublicChannel(eventId), 'removed', { id: question.id });
  return question;
}
