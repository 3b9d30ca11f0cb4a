import { asc, eq } from 'drizzle-orm';
import type { Field, FieldInput, RegistrationSettings } from '../../../contract/registrations.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { registrationsPolicy } from './registrations.policy.js';
import { registrationFields, registrationSettings } from './registrations.table.js';

export const DEFAULT_SETTINGS: RegistrationSettings = {
  unitQuota: null,
  requiresApproval: false,
  allowNonMembers: false,
  retentionDays: 180,
};

export async function settingsOf(ctx: Ctx, eventId: string): Promise<RegistrationSettings> {
  const [row] = await ctx.db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  if (!row) return DEFAULT_SETTINGS;
  return {
    unitQuota: row.unitQuota,
    requiresApproval: row.requiresApproval,
    allowNonMembers: row.allowNonMembers,
    retentionDays: row.retentionDays,
  };
}

export async function getSettings(ctx: Ctx, eventId: string) {
  authorize(ctx, registrationsPolicy, 'manage');
  await loadEvent(ctx, eventId);
  return settingsOf(ctx, eventId);
}

export async function updateSettings(ctx: Ctx, eventId: string, input: RegistrationSettings) {
  authorize(ctx, registrationsPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    await loadEvent(tx, eventId);
    const before = await settingsOf(tx, eventId);
    await tx.db
      .insert(registrationSettings)
      .values({ eventId, ...input, updatedAt: tx.clock.now() })
      .onConflictDoUpdate({
        target: registrationSettings.eventId,
        set: { ...input, updatedAt: tx.clock.now() },
      });
    await recordAudit(tx, {
      action: 'registration.settings',
      entityType: 'event',
      entityId: eventId,
      before,
      after: input,
    });
    return input;
  });
}

export async function fieldsOf(ctx: Ctx, eventId: string): Promise<Field[]> {
  const rows = await ctx.db
    .select()
    .from(registrationFields)
    .where(eq(registrationFields.eventId, eventId))
    .orderBy(asc(registrationFields.position));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    type: r.type,
    required: r.required,
    options: r.options,
    showIf: r.showIfFieldId ? { fieldId: r.showIfFieldId, equals: r.showIfEquals ?? '' } : null,
    position: r.position,
  }));
}

/**
 * Replaces the event's custom fields. Existing ids may be kept by passing `id` so answers already
 * given stay attached; a condition must point at an earlier field.
 */
export async function replaceFields(ctx: Ctx, eventId: string, input: (FieldInput & { id?: string })[]) {
  authorize(ctx, registrationsPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    await loadEvent(tx, eventId, true);
    const before = await fieldsOf(tx, eventId);
    const ids = input.map((f) => f.id ?? crypto.randomUUID());
    input.forEach((f, i) => {
      if (f.showIf && !ids.slice(0, i).includes(f.showIf.fieldId)) {
        throw new AppError('validation.failed', 400, {}, [
          { path: `body.${i}.showIf.fieldId`, key: 'validation.field_condition' },
        ]);
      }
    });
    await tx.db.delete(registrationFields).where(eq(registrationFields.eventId, eventId));
    if (input.length) {
      await tx.db.insert(registrationFields).values(
        input.map((f, i) => ({
          id: ids[i],
          eventId,
          label: f.label,
          type: f.type,
          required: f.required,
          options: f.options,
          showIfFieldId: f.showIf?.fieldId ?? null,
          showIfEquals: f.showIf?.equals ?? null,
          position: i,
        })),
      );
    }
    const after = await fieldsOf(tx, eventId);
    await recordAudit(tx, {
      action: 'registration.fields',
      entityType: 'event',
      entityId: eventId,
      before,
      after,
    });
    return after;
  });
}

function matches(answer: unknown, equals: string) {
  if (Array.isArray(answer)) return answer.includes(equals);
  if (typeof answer === 'boolean') return String(answer) === equals;
  return answer !== undefined && answer !== null && String(answer) === equals;
}

/**
 * Checks answers against the fields: types, options, required fields that are visible. Hidden
 * fields' answers and unknown keys are dropped. Throws one 400 listing every problem.
 */
export function validateAnswers(fields: Field[], answers: Record<string, unknown>) {
  const clean: Record<string, unknown> = {};
  const problems: { path: string; key: string; params?: Record<string, string> }[] = [];
  for (const field of fields) {
    const visible = !field.showIf || matches(clean[field.showIf.fieldId], field.showIf.equals);
    if (!visible) continue;
    const value = answers[field.id];
    const empty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    const path = `body.answers.${field.id}`;
    if (empty) {
      if (field.required)
        problems.push({ path, key: 'validation.required_field', params: { field: field.label } });
      continue;
    }
    const ok = (() => {
      switch (field.type) {
        case 'text':
          return typeof value === 'string';
        case 'number':
          return typeof value === 'number' && Number.isFinite(value);
        case 'yes_no':
          return typeof value === 'boolean';
        case 'date':
          return (
            typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
          );
        case 'single_choice':
          return typeof value === 'string' && field.options.includes(value);
        case 'multiple_choice':
          return (
            Array.isArray(value) && value.every((v) => typeof v === 'string' && field.options.includes(v))
          );
      }
    })();
    if (!ok) problems.push({ path, key: 'validation.field_answer', params: { field: field.label } });
    else clean[field.id] = value;
  }
  if (problems.length) throw new AppError('validation.failed', 400, {}, problems);
  return clean;
}
