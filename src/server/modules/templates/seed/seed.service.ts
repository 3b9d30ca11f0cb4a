import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.js';
import { recordAudit } from '../../audit/audit.service.js';
import { insertTemplate } from '../templates.service.js';
import { templates, templateVersions } from '../templates.table.js';
import { DEFAULT_TEMPLATE, DEFAULT_TREE } from './default-five-dimensions.js';
import { EXAMPLE_POINTS_TEMPLATE, EXAMPLE_POINTS_TREE } from './example-points-table.js';
import { DEFAULT_TEMPLATE_KEY, EXAMPLE_POINTS_TABLE_KEY } from './keys.js';

const SEEDS = [
  { key: DEFAULT_TEMPLATE_KEY, template: DEFAULT_TEMPLATE, tree: DEFAULT_TREE, demoOnly: false },
  {
    key: EXAMPLE_POINTS_TABLE_KEY,
    template: EXAMPLE_POINTS_TEMPLATE,
    tree: EXAMPLE_POINTS_TREE,
    demoOnly: true,
  },
];

/**
 * Seeds the default template (every installation) and, with the demo data, the points-table
 * example — each as a published version 1, once (a template that already has its seed key stays).
 */
export async function ensureDefaultTemplates(ctx: Ctx, opts: { demo?: boolean } = {}) {
  const created: string[] = [];
  for (const seed of SEEDS) {
    if (seed.demoOnly && !opts.demo) continue;
    const [existing] = await ctx.db
      .select({ id: templates.id })
      .from(templates)
      .where(eq(templates.seedKey, seed.key));
    if (existing) continue;
    const { templateId } = await insertTemplate(
      ctx,
      { ...seed.template, seedKey: seed.key },
      seed.tree,
      true,
    );
    await recordAudit(ctx, {
      action: 'template.seed',
      entityType: 'template',
      entityId: templateId,
      after: { seedKey: seed.key, name: seed.template.name },
    });
    created.push(templateId);
  }
  return created;
}

/** The published version new events use by default: the newest of the default template. */
export async function defaultTemplateVersionId(ctx: Ctx): Promise<string | null> {
  const rows = await ctx.db
    .select({ id: templateVersions.id, number: templateVersions.number, status: templateVersions.status })
    .from(templateVersions)
    .innerJoin(templates, eq(templates.id, templateVersions.templateId))
    .where(eq(templates.seedKey, DEFAULT_TEMPLATE_KEY));
  const published = rows.filter((r) => r.status === 'published').sort((a, b) => b.number - a.number);
  return published[0]?.id ?? null;
}
