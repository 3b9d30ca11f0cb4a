import { eq } from 'drizzle-orm';
import type { TemplateVersion, VersionTreeInput } from '../../../contract/templates.js';
import { authorize, isStaffOrAdmin } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { templatesPolicy } from './templates.policy.js';
import { publishProblems } from './templates.rules.js';
import { templates, templateVersions } from './templates.table.js';
import { loadVersion, treeOf, writeTree } from './templates.tree.js';

/** A version with its tree. Members and hosts see published versions only (a draft is a 404). */
export async function getVersion(ctx: Ctx, versionId: string): Promise<TemplateVersion> {
  authorize(ctx, templatesPolicy, 'read');
  const version = await loadVersion(ctx, versionId);
  if (version.status !== 'published' && !isStaffOrAdmin(ctx.actor)) {
    throw notFound('@entities.template_version');
  }
  return version;
}

/** Locks the version row; a published version refuses every change (409). */
async function lockDraft(ctx: Ctx, versionId: string) {
  const [row] = await ctx.db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.id, versionId))
    .for('update');
  if (!row) throw notFound('@entities.template_version');
  if (row.status === 'published') throw conflict('templates.version_published', { number: row.number });
  return row;
}

/** Replaces the whole tree of a draft. */
export async function saveDraft(
  ctx: Ctx,
  versionId: string,
  tree: VersionTreeInput,
): Promise<TemplateVersion> {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const row = await lockDraft(tx, versionId);
    const before = treeOf(await loadVersion(tx, versionId));
    await writeTree(tx, versionId, tree);
    await tx.db.update(templates).set({ updatedAt: tx.clock.now() }).where(eq(templates.id, row.templateId));
    const after = await loadVersion(tx, versionId);
    await recordAudit(tx, {
      action: 'template_version.update',
      entityType: 'template_version',
      entityId: versionId,
      before,
      after: treeOf(after),
    });
    return after;
  });
}

/** Publishes a draft after checking it (400 listing every problem); it is immutable afterwards. */
export async function publishVersion(ctx: Ctx, versionId: string): Promise<TemplateVersion> {
  const actor = authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const row = await lockDraft(tx, versionId);
    const problems = publishProblems(await loadVersion(tx, versionId));
    if (problems.length) throw new AppError('templates.not_publishable', 400, {}, problems);
    const now = tx.clock.now();
    await tx.db
      .update(templateVersions)
      .set({ status: 'published', publishedAt: now, publishedBy: actor.userId, updatedAt: now })
      .where(eq(templateVersions.id, versionId));
    await tx.db.update(templates).set({ updatedAt: now }).where(eq(templates.id, row.templateId));
    await recordAudit(tx, {
      action: 'template_version.publish',
      entityType: 'template_version',
      entityId: versionId,
      after: { templateId: row.templateId, number: row.number },
    });
    return loadVersion(tx, versionId);
  });
}

/** Postgres 23503 (drizzle wraps the driver error in `cause`). */
function isForeignKeyViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? e.code : undefined);
  return code(error) === '23503' || code((error as { cause?: unknown })?.cause) === '23503';
}

/** Throws away a draft (never a published version). */
export async function discardDraft(ctx: Ctx, versionId: string): Promise<void> {
  authorize(ctx, templatesPolicy, 'write');
  await inTransaction(ctx, async (tx) => {
    const row = await lockDraft(tx, versionId);
    if (row.number === 1) throw conflict('templates.first_version');
    try {
      await tx.db.delete(templateVersions).where(eq(templateVersions.id, versionId));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw conflict('templates.version_in_use');
      throw error;
    }
    await recordAudit(tx, {
      action: 'template_version.discard',
      entityType: 'template_version',
      entityId: versionId,
      before: { templateId: row.templateId, number: row.number },
    });
  });
}
