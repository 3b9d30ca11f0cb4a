import { and, eq, notInArray } from 'drizzle-orm';
import { QA_SOURCES } from '../../../contract/qa.js';
import type { Ctx } from '../../core/context.js';
import { qaQuestions } from './qa.table.js';

export type QaFigures = { asked: number; answered: number; bySource: Record<string, number>; votes: number };

/**
 * The Q&A's figures for the retrospective (no access check: the caller checks its own).
 * - asked: the questions put to the room: those attendees asked live (pending ones too: they were
 *   asked) and the imported ones (prepared list, registration, observation) that staff approved.
 *   Hidden ones (moderated away) and merged duplicates (their votes live on in the question they
 *   were merged into) never count, nor imported questions still waiting for staff.
 * - answered: of those, the ones marked answered.
 * - bySource: `asked` split by source (prepared / registration / observation / live), every source
 *   present, 0 when none.
 * - votes: upvotes on those questions (one per pass and question).
 */
export async function qaFigures(ctx: Ctx, eventId: string): Promise<QaFigures> {
  const all = await ctx.db
    .select({ source: qaQuestions.source, status: qaQuestions.status, votes: qaQuestions.votes })
    .from(qaQuestions)
    .where(and(eq(qaQuestions.eventId, eventId), notInArray(qaQuestions.status, ['hidden', 'merged'])));
  const rows = all.filter((row) => row.source === 'live' || row.status !== 'pending');
  const bySource: Record<string, number> = Object.fromEntries(QA_SOURCES.map((s) => [s, 0]));
  for (const row of rows) bySource[row.source] += 1;
  return {
    asked: rows.length,
    answered: rows.filter((r) => r.status === 'answered').length,
    bySource,
    votes: rows.reduce((sum, r) => sum + r.votes, 0),
  };
}
