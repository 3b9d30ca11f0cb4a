import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type {
  TemplateDetail,
  TemplateDuplicate,
  TemplateInput,
  TemplateKind,
  TemplateQuery,
  TemplateRename,
  TemplateSummary,
  VersionSummary,
  VersionTreeInput,
} from '../../../contract/templates.js';
import { authorize, isStaffOrAdmin } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { recordAudit } from '../audit/audit.service.js';
import { users } from '../users/users.table.js';
import { DEFAULT_TEMPLATE_KEY } from './seed/keys.js';
import { templatesPolicy } from './templates.policy.js';
import { templates, templateVersions } from './templates.table.js';
import { loadVersion, presentVersionSummary, treeOf, writeTree } from './templates.tree.js';

type TemplateRow = typeof templates.$inferSelect;

const emptyTree = (kind: TemplateKind): VersionTreeInput => ({
  scoringMode: kind === 'assessment' ? 'points_sum' : 'weighted_average',
  passMark: null,
  dimensions: [],
});

async function versionsOf(ctx: Ctx, templateIds: string[]) {
  const byTemplate = new Map<string, VersionSummary[]>();
  if (!templateIds.length) return byTemplate;
  const rows = await ctx.db
    .select({ version: templateVersions, publishedByName: users.name })
    .from(templateVersions)
    .leftJoin(users, eq(users.id, templateVersions.publishedBy))
    .where(inArray(templateVersions.templateId, templateIds))
    .orderBy(desc(templateVersions.number));
  const seesDrafts = isStaffOrAdmin(ctx.actor);
  for (const { version, publishedByName } of rows) {
    if (!seesDrafts && version.status !== 'published') continue;
    const list = byTemplate.get(version.templateId) ?? [];
    list.push(presentVersionSummary(version, publishedByName));
    byTemplate.set(version.templateId, list);
  }
  return byTemplate;
}

function present(row: TemplateRow, versions: VersionSummary[]): TemplateDetail {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as TemplateKind,
    isDefault: row.seedKey === DEFAULT_TEMPLATE_KEY,
    archived: !!row.archivedAt,
    latestVersion: versions[0] ?? null,
    currentVersion: versions.find((v) => v.status === 'published') ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    versions,
  };
}

export async function listTemplates(ctx: Ctx, query: TemplateQuery): Promise<TemplateSummary[]> {
  authorize(ctx, templatesPolicy, 'read');
  const staff = isStaffOrAdmin(ctx.actor);
  const archived = staff ? query.archived : 'false';
  const conditions: SQL[] = [];
  if (archived === 'false') conditions.push(isNull(templates.archivedAt));
  if (archived === 'true') conditions.push(isNotNull(templates.archivedAt));
  const rows = await ctx.db
    .select()
    .from(templates)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(templates.createdAt), asc(templates.name));
  const versions = await versionsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows
    .map((row) => present(row, versions.get(row.id) ?? []))
    .filter((tpl) => staff || tpl.currentVersion)
    .map(({ versions: _versions, ...summary }) => summary);
}

export async function getTemplate(ctx: Ctx, id: string): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'read');
  const [row] = await ctx.db.select().from(templates).where(eq(templates.id, id));
  if (!row) throw notFound('@entities.template');
  const detail = present(row, (await versionsOf(ctx, [id])).get(id) ?? []);
  if (!isStaffOrAdmin(ctx.actor) && !detail.currentVersion) throw notFound('@entities.template');
  return detail;
}

/** Creates a template with its first version holding the tree (a draft unless `publish`). */
export async function insertTemplate(
  ctx: Ctx,
  input: TemplateInput & { seedKey?: string },
  tree: VersionTreeInput,
  publish = false,
) {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(templates)
    .values({
      name: input.name,
      description: input.description ?? null,
      kind: input.kind,
      seedKey: input.seedKey ?? null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [version] = await ctx.db
    .insert(templateVersions)
    .values({
      templateId: row.id,
      number: 1,
      status: publish ? 'published' : 'draft',
      publishedAt: publish ? now : null,
      publishedBy: publish ? (ctx.actor?.userId ?? null) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeTree(ctx, version.id, tree);
  return { templateId: row.id, versionId: version.id };
}

export async function createTemplate(ctx: Ctx, input: TemplateInput): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const { templateId } = await insertTemplate(tx, input, emptyTree(input.kind));
    const detail = await getTemplate(tx, templateId);
    await recordAudit(tx, {
      action: 'template.create',
      entityType: 'template',
      entityId: templateId,
      after: input,
    });
    return detail;
  });
}

async function lockTemplate(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(templates).where(eq(templates.id, id)).for('update');
  if (!row) throw notFound('@entities.template');
  return row;
}

export async function renameTemplate(ctx: Ctx, id: string, input: TemplateRename): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await lockTemplate(tx, id);
    await tx.db
      .update(templates)
      .set({ name: input.name, description: input.description ?? null, updatedAt: tx.clock.now() })
      .where(eq(templates.id, id));
    await recordAudit(tx, {
      action: 'template.rename',
      entityType: 'template',
      entityId: id,
      before: { name: before.name, description: before.description },
      after: input,
    });
    return getTemplate(tx, id);
  });
}

/** Archiving hides a template from lists and pickers; events that use its versions keep them. */
export async function setTemplateArchived(ctx: Ctx, id: string, archived: boolean): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await lockTemplate(tx, id);
    await tx.db
      .update(templates)
      .set({ archivedAt: archived ? tx.clock.now() : null, updatedAt: tx.clock.now() })
      .where(eq(templates.id, id));
    await recordAudit(tx, {
      action: archived ? 'template.archive' : 'template.restore',
      entityType: 'template',
      entityId: id,
      before: { archived: !!before.archivedAt },
      after: { archived },
    });
    return getTemplate(tx, id);
  });
}

async function latestVersionRow(ctx: Ctx, templateId: string) {
  const [row] = await ctx.db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, templateId))
    .orderBy(desc(templateVersions.number))
    .limit(1);
  return row ?? null;
}

/** A new template holding a draft copy of one version (the latest by default). */
export async function duplicateTemplate(
  ctx: Ctx,
  id: string,
  input: TemplateDuplicate,
): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const [source] = await tx.db.select().from(templates).where(eq(templates.id, id));
    if (!source) throw notFound('@entities.template');
    const versionRow = input.versionId
      ? (
          await tx.db
            .select()
            .from(templateVersions)
            .where(and(eq(templateVersions.id, input.versionId), eq(templateVersions.templateId, id)))
        )[0]
      : await latestVersionRow(tx, id);
    if (!versionRow) throw notFound('@entities.template_version');
    const version = await loadVersion(tx, versionRow.id);
    const name = input.name ?? t(tx.lang, 'templates.copyName', { name: source.name }).slice(0, 100);
    const { templateId } = await insertTemplate(
      tx,
      { name, description: source.description, kind: source.kind as TemplateKind },
      treeOf(version),
    );
    await recordAudit(tx, {
      action: 'template.duplicate',
      entityType: 'template',
      entityId: templateId,
      after: { from: id, fromVersion: version.number, name },
    });
    return getTemplate(tx, templateId);
  });
}

/**
 * The draft to edit: the latest version when it is a draft, otherwise a new draft copied from the
 * latest published version.
 */
export async function openDraft(ctx: Ctx, templateId: string) {
  authorize(ctx, templatesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const template = await lockTemplate(tx, templateId);
    const latest = await latestVersionRow(tx, templateId);
    if (latest?.status === 'draft') return loadVersion(tx, latest.id);
    const now = tx.clock.now();
    const [draft] = await tx.db
      .insert(templateVersions)
      .values({
        templateId,
        number: (latest?.number ?? 0) + 1,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeTree(
      tx,
      draft.id,
      latest ? treeOf(await loadVersion(tx, latest.id)) : emptyTree(template.kind as TemplateKind),
    );
    await tx.db.update(templates).set({ updatedAt: now }).where(eq(templates.id, templateId));
    await recordAudit(tx, {
      action: 'template.draft',
      entityType: 'template_version',
      entityId: draft.id,
      after: { templateId, number: draft.number, from: latest?.number ?? null },
    });
    return loadVersion(tx, draft.id);
  });
}
