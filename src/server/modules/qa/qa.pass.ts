import { OBSERVATION_OPEN_STATUSES } from '../../../contract/observations.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { type Pass, passOf } from '../observations/observations.pass.js';
import type { QaSettingsRow } from './qa.settings.js';

/** Event statuses in which attendees may ask and vote (before the day too: questions for the host). */
const QA_OPEN_STATUSES: readonly string[] = OBSERVATION_OPEN_STATUSES;

/**
 * The pass of a Q&A reader: the token is the credential (404 `pass.not_found`); only a confirmed
 * registration takes part (cancelled: 409, waitlisted or awaiting approval: 403).
 */
export async function qaPass(ctx: Ctx, token: string): Promise<Pass> {
  const pass = await passOf(ctx, token);
  if (pass.reg.status === 'cancelled') throw conflict('qa.pass_cancelled');
  if (pass.reg.status !== 'confirmed') throw new AppError('qa.not_confirmed', 403);
  return pass;
}

/** Why this pass may not vote now (null: it may). */
export function voteRefusal({ event }: Pass): AppError | null {
  if (!QA_OPEN_STATUSES.includes(event.status)) return conflict('qa.event_not_live');
  return null;
}

/** Why this pass may not ask now (null: it may). */
export function askRefusal(pass: Pass, settings: Pick<QaSettingsRow, 'open'>): AppError | null {
  return voteRefusal(pass) ?? (settings.open ? null : conflict('qa.asking_closed'));
}
