import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TemplateDetail,
  type TemplateFileOutput,
  type TemplateKind,
  templateFileSchema,
} from '../../../contract/templates.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { templatesPolicy } from './templates.policy.js';
import { getTemplate, insertTemplate } from './templates.service.js';
import { templates } from './templates.table.js';
import { fileOf } from './templates.tree.js';
import { getVersion } from './versions.service.js';

/** Import and export of template files (format in docs/templates.md). */

const MAX_LISTED_PROBLEMS = 100;

type FieldProblem = { path: string; key: string; params?: Record<string, string | number> };

export async function exportVersion(ctx: Ctx, versionId: string): Promise<TemplateFileOutput> {
  const version = await getVersion(ctx, versionId);
  const [template] = await ctx.db.select().from(templates).where(eq(templates.id, version.templateId));
  return fileOf(
    version,
    { name: template.name, description: template.description, kind: template.kind as TemplateKind },
    ctx.clock.now(),
  );
}

const KNOWN_TYPES = new Set(['string', 'number', 'boolean', 'object', 'array']);
/** A type name as a translatable param (the '@' prefix makes t() translate it). */
const typeName = (type: string) => (KNOWN_TYPES.has(type) ? `@errors.templates.import.types.${type}` : type);

/** One zod issue as a translatable problem (keys under errors.templates.import.). */
function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String).join('.') || '(root)';
  const key = (name: string) => `errors.templates.import.${name}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { path, key: key('required') };
      return { path, key: key('wrong_type'), params: { expected: typeName(issue.expected) } };
    case 'too_big':
      return { path, key: key('too_big'), params: { maximum: String(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string') return { path, key: key('required') };
      return { path, key: key('too_small'), params: { minimum: String(issue.minimum) } };
    case 'invalid_value':
      return { path, key: key('invalid_value'), params: { values: issue.values.map(String).join(', ') } };
    default:
      return { path, key: key('invalid') };
  }
}

function fail(problems: FieldProblem[]): never {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > listed.length) {
    listed.push({
      path: '(root)',
      key: 'errors.templates.import.more_problems',
      params: { count: problems.length - listed.length },
    });
  }
  throw new AppError('templates.import_invalid', 400, { count: problems.length }, listed);
}

/** Reads a file's text: every problem is reported at once and nothing is written unless all is well. */
export function parseTemplateFile(raw: unknown) {
  let data: unknown = raw;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      data = JSON.parse(raw.toString());
    } catch (error) {
      fail([
        {
          path: '(root)',
          key: 'errors.templates.import.bad_json',
          params: { detail: error instanceof Error ? error.message.slice(0, 200) : '' },
        },
      ]);
    }
  }
  // reportInput tells a missing field (input undefined) from a wrong type.
  const parsed = templateFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) fail(parsed.error.issues.map(problemOf));
  return parsed.data;
}

/** Creates a new template whose first version is a draft holding the file's tree. */
export async function importTemplate(ctx: Ctx, raw: unknown): Promise<TemplateDetail> {
  authorize(ctx, templatesPolicy, 'write');
  const file = parseTemplateFile(raw);
  return inTransaction(ctx, async (tx) => {
    const { templateId } = await insertTemplate(tx, file.template, file.version);
    await recordAudit(tx, {
      action: 'template.import',
      entityType: 'template',
      entityId: templateId,
      after: { name: file.template.name, dimensions: file.version.dimensions.length },
    });
    return getTemplate(tx, templateId);
  });
}
