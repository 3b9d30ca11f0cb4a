import { and, asc, eq, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { WebhookChannel } from '../../../contract/notifications.js';
import type { Ctx } from '../../core/context.js';
import { mailerFor } from './mailer.js';
import { textToHtml, textToMarkdown } from './message-templates.js';
import { outbox, outboxAttempts } from './outbox.table.js';
import { postWebhook } from './webhooks.js';

/** Waits after the 1st, 2nd … failed attempt; after the last one the message is dead. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
/** A claimed message is someone else's for this long; a crashed worker's messages come back after it. */
export const LEASE_MS = 5 * 60_000;
export const SMTP_NOT_CONFIGURED = 'SMTP not configured';
const BATCH_SIZE = 20;

type OutboxRow = typeof outbox.$inferSelect;
export type RunResult = { sent: number; failed: number; dead: number };

/**
 * Takes the due messages (FOR UPDATE SKIP LOCKED, so several workers in several processes never
 * take the same one), marks them `sending` under a lease, delivers them outside any transaction,
 * and records each attempt. Without SMTP settings e-mails stay pending with a clear last error.
 */
export async function runOnce(
  ctx: Ctx,
  options: { batchSize?: number; onlyId?: string } = {},
): Promise<RunResult> {
  if (!ctx.config.smtp) await markEmailsWaitingForSmtp(ctx);
  const claimed = await claimDue(ctx, options.batchSize ?? BATCH_SIZE, options.onlyId);
  const result: RunResult = { sent: 0, failed: 0, dead: 0 };
  for (const message of claimed) {
    const outcome = await deliverAndRecord(ctx, message);
    result[outcome]++;
  }
  return result;
}

async function markEmailsWaitingForSmtp(ctx: Ctx) {
  await ctx.db
    .update(outbox)
    .set({ lastError: SMTP_NOT_CONFIGURED, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(outbox.channel, 'email'),
        eq(outbox.status, 'pending'),
        or(isNull(outbox.lastError), ne(outbox.lastError, SMTP_NOT_CONFIGURED)),
      ),
    );
}

async function claimDue(ctx: Ctx, limit: number, onlyId?: string): Promise<OutboxRow[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ['pending', 'failed', 'sending']),
          lte(outbox.nextAttemptAt, now),
          ctx.config.smtp ? undefined : ne(outbox.channel, 'email'),
          onlyId ? eq(outbox.id, onlyId) : undefined,
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS), updatedAt: now })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

async function deliver(ctx: Ctx, message: OutboxRow): Promise<string> {
  if (message.channel === 'email') {
    if (!ctx.config.smtp) throw new Error(SMTP_NOT_CONFIGURED);
    return mailerFor(ctx.config.smtp).send({
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      html: textToHtml(message.subject, message.body),
    });
  }
  return postWebhook(
    message.channel as WebhookChannel,
    message.recipient,
    { title: message.subject, markdown: textToMarkdown(message.subject, message.body) },
    { secret: message.signSecret, now: ctx.clock.now() },
  );
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code =
    (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code;
  const parts = [
    error.message,
    code && !error.message.includes(String(code)) ? `(${code})` : '',
    cause?.message ?? '',
  ];
  return parts.filter(Boolean).join(' ').slice(0, 1000);
}

async function deliverAndRecord(ctx: Ctx, message: OutboxRow): Promise<keyof RunResult> {
  let ok = true;
  let response: string;
  try {
    response = (await deliver(ctx, message)).slice(0, 2000);
  } catch (error) {
    ok = false;
    response = describeError(error);
  }
  const now = ctx.clock.now();
  const attempts = message.attempts + 1;
  const outcome: keyof RunResult = ok ? 'sent' : attempts >= MAX_ATTEMPTS ? 'dead' : 'failed';
  const retryAt =
    ok || outcome === 'dead' ? now : new Date(now.getTime() + RETRY_DELAYS_MINUTES[attempts - 1] * 60_000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(outboxAttempts).values({ outboxId: message.id, at: now, ok, response });
    await tx
      .update(outbox)
      .set({
        status: outcome,
        attempts,
        nextAttemptAt: retryAt,
        lastError: ok ? null : response,
        sentAt: ok ? now : null,
        updatedAt: now,
      })
      .where(and(eq(outbox.id, message.id), eq(outbox.status, 'sending')));
  });
  return outcome;
}

export type OutboxWorker = { stop(): Promise<void> };

/**
 * Runs `runOnce` every `intervalMs` (at once again when a batch was full) until stopped. Errors
 * (e.g. the database restarting) are logged and the loop goes on.
 */
export function startOutboxWorker(
  ctx: Ctx,
  options: { intervalMs: number; log?: (error: unknown) => void },
): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tick = async () => {
    timer = null;
    let again = false;
    try {
      const result = await runOnce(ctx);
      again = result.sent + result.failed + result.dead >= BATCH_SIZE;
    } catch (error) {
      options.log?.(error);
    }
    if (!stopped) timer = setTimeout(schedule, again ? 0 : options.intervalMs);
  };
  const schedule = () => {
    running = tick();
  };
  timer = setTimeout(schedule, 0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Sends one due message right away (the "send test message" button). */
export async function deliverNow(ctx: Ctx, id: string): Promise<RunResult> {
  return runOnce(ctx, { batchSize: 1, onlyId: id });
}
