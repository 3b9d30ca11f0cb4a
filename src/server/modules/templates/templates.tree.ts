import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type {
  CheckMethod,
  PointScheme,
  ScoringMode,
  TemplateDimension,
  TemplateFileOutput,
  TemplateKind,
  TemplateVersion,
  VersionStatus,
  VersionTreeInput,
} from '../../../contract/templates.js';
import { TEMPLATE_FILE_FORMAT } from '../../../contract/templates.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { users } from '../users/users.table.js';
import {
  templateDimensions,
  templatePoints,
  templateQuestions,
  templates,
  templateVersions,
} from './templates.table.js';

/** Reading and writing the tree under one version: dimensions → points → guiding questions. */

type VersionRow = typeof templateVersions.$inferSelect;

export function presentVersionSummary(row: VersionRow, publishedByName: string | null) {
  return {
    id: row.id,
    number: row.number,
    status: row.status as VersionStatus,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findVersionRow(ctx: Ctx, versionId: string) {
  const [row] = await ctx.db
    .select({ version: templateVersions, template: templates, publishedByName: users.name })
    .from(templateVersions)
    .innerJoin(templates, eq(templates.id, templateVersions.templateId))
    .leftJoin(users, eq(users.id, templateVersions.publishedBy))
    .where(eq(templateVersions.id, versionId));
  return row ?? null;
}

async function loadDimensions(ctx: Ctx, versionId: string): Promise<TemplateDimension[]> {
  // One after the other: inside a transaction they share one connection.
  const dims = await ctx.db
    .select()
    .from(templateDimensions)
    .where(eq(templateDimensions.versionId, versionId))
    .orderBy(asc(templateDimensions.position));
  const points = await ctx.db
    .select()
    .from(templatePoints)
    .where(eq(templatePoints.versionId, versionId))
    .orderBy(asc(templatePoints.position));
  const questions = await ctx.db
    .select()
    .from(templateQuestions)
    .where(eq(templateQuestions.versionId, versionId))
    .orderBy(asc(templateQuestions.position));
  const questionsOf = (dimensionId: string, pointId: string | null) =>
    questions
      .filter((q) => q.dimensionId === dimensionId && q.pointId === pointId)
      .map((q) => ({ id: q.id, text: q.text }));
  return dims.map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    weight: d.weight,
    maxPoints: d.maxPoints,
    questions: questionsOf(d.id, null),
    points: points
      .filter((p) => p.dimensionId === d.id)
      .map((p) => ({
        id: p.id,
        title: p.title,
        hint: p.hint,
        scheme: p.scheme as PointScheme,
        maxPoints: p.maxPoints,
        step: p.step,
        weight: p.weight,
        deductionRule: p.deductionRule,
        checkMethod: p.checkMethod as CheckMethod,
        allowNa: p.allowNa,
        questions: questionsOf(d.id, p.id),
      })),
  }));
}

/** The version with its whole tree; 404 when it does not exist. Access is the caller's job. */
export async function loadVersion(ctx: Ctx, versionId: string): Promise<TemplateVersion> {
  const found = await findVersionRow(ctx, versionId);
  if (!found) throw notFound('@entities.template_version');
  const { version, template, publishedByName } = found;
  return {
    ...presentVersionSummary(version, publishedByName),
    templateId: template.id,
    templateName: template.name,
    templateKind: template.kind as TemplateKind,
    scoringMode: version.scoringMode as ScoringMode,
    passMark: version.passMark,
    dimensions: await loadDimensions(ctx, versionId),
  };
}

/** Replaces everything under the version with the tree (new ids; drafts are never referenced). */
export async function writeTree(ctx: Ctx, versionId: string, tree: VersionTreeInput) {
  await ctx.db.delete(templateDimensions).where(eq(templateDimensions.versionId, versionId));
  await ctx.db
    .update(templateVersions)
    .set({ scoringMode: tree.scoringMode, passMark: tree.passMark ?? null, updatedAt: ctx.clock.now() })
    .where(eq(templateVersions.id, versionId));
  const dimRows: (typeof templateDimensions.$inferInsert)[] = [];
  const pointRows: (typeof templatePoints.$inferInsert)[] = [];
  const questionRows: (typeof templateQuestions.$inferInsert)[] = [];
  const addQuestions = (dimensionId: string, pointId: string | null, list: { text: string }[]) => {
    list.forEach((q, position) => {
      questionRows.push({ id: randomUUID(), versionId, dimensionId, pointId, position, text: q.text });
    });
  };
  tree.dimensions.forEach((d, position) => {
    const dimensionId = randomUUID();
    dimRows.push({
      id: dimensionId,
      versionId,
      position,
      name: d.name,
      description: d.description ?? null,
      weight: d.weight,
      maxPoints: d.maxPoints ?? null,
    });
    addQuestions(dimensionId, null, d.questions);
    d.points.forEach((p, pointPosition) => {
      const pointId = randomUUID();
      pointRows.push({
        id: pointId,
        versionId,
        dimensionId,
        position: pointPosition,
        title: p.title,
        hint: p.hint ?? null,
        scheme: p.scheme,
        maxPoints: p.maxPoints ?? null,
        step: p.step ?? null,
        weight: p.weight,
        deductionRule: p.deductionRule ?? null,
        checkMethod: p.checkMethod,
        allowNa: p.allowNa,
      });
      addQuestions(dimensionId, pointId, p.questions);
    });
  });
  if (dimRows.length) await ctx.db.insert(templateDimensions).values(dimRows);
  if (pointRows.length) await ctx.db.insert(templatePoints).values(pointRows);
  if (questionRows.length) await ctx.db.insert(templateQuestions).values(questionRows);
}

/** A loaded version as the editable tree (ids dropped): for copying a version. */
export function treeOf(version: Pick<TemplateVersion, 'scoringMode' | 'passMark' | 'dimensions'>) {
  return {
    scoringMode: version.scoringMode,
    passMark: version.passMark,
    dimensions: version.dimensions.map((d) => ({
      name: d.name,
      description: d.description,
      weight: d.weight,
      maxPoints: d.maxPoints,
      questions: d.questions.map((q) => ({ text: q.text })),
      points: d.points.map((p) => ({
        title: p.title,
        hint: p.hint,
        scheme: p.scheme,
        maxPoints: p.maxPoints,
        step: p.step,
        weight: p.weight,
        deductionRule: p.deductionRule,
        checkMethod: p.checkMethod,
        allowNa: p.allowNa,
        questions: p.questions.map((q) => ({ text: q.text })),
      })),
    })),
  } satisfies VersionTreeInput;
}

/** The exported file of a version (docs/templates.md, "File format"). */
export function fileOf(
  version: TemplateVersion,
  template: { name: string; description: string | null; kind: TemplateKind },
  exportedAt: Date,
): TemplateFileOutput {
  return {
    format: TEMPLATE_FILE_FORMAT,
    exportedAt: exportedAt.toISOString(),
    template,
    version: { number: version.number, status: version.status, ...treeOf(version) },
  };
}
