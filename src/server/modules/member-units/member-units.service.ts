import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
} from 'drizzle-orm';
import { maskMobile, type Page } from '../../../contract/common.js';
import type { MemberLevel, ProjectType, UnitType } from '../../../contract/enums.js';
import type { MemberUnit, MemberUnitInput, MemberUnitQuery } from '../../../contract/member-units.js';
import { authorize, isStaffOrAdmin } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberUnitsPolicy } from './member-units.policy.js';
import { memberUnits, unitContacts } from './member-units.table.js';

type UnitRow = typeof memberUnits.$inferSelect;
type ContactRow = typeof unitContacts.$inferSelect;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function present(ctx: Ctx, unit: UnitRow, contacts: ContactRow[]): MemberUnit {
  const seesMobiles = isStaffOrAdmin(ctx.actor);
  return {
    id: unit.id,
    name: unit.name,
    uscc: unit.uscc,
    unitType: unit.unitType as UnitType,
    level: unit.level as MemberLevel,
    projectTypes: unit.projectTypes as ProjectType[],
    address: unit.address,
    projectCount: unit.projectCount,
    staffCount: unit.staffCount,
    note: unit.note,
    archived: !!unit.archivedAt,
    contacts: contacts
      .sort(
        (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.createdAt.getTime() - b.createdAt.getTime(),
      )
      .map((c) => ({
        id: c.id,
        name: c.name,
        position: c.position,
        mobile: seesMobiles ? c.mobile : maskMobile(c.mobile),
        email: c.email,
        isPrimary: c.isPrimary,
      })),
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

async function contactsOf(ctx: Ctx, unitIds: string[]) {
  if (!unitIds.length) return new Map<string, ContactRow[]>();
  const rows = await ctx.db.select().from(unitContacts).where(inArray(unitContacts.memberUnitId, unitIds));
  const byUnit = new Map<string, ContactRow[]>();
  for (const row of rows) byUnit.set(row.memberUnitId, [...(byUnit.get(row.memberUnitId) ?? []), row]);
  return byUnit;
}

function filters(query: Omit<MemberUnitQuery, 'page' | 'pageSize'>) {
  const conditions: SQL[] = [];
  if (query.archived === 'false') conditions.push(isNull(memberUnits.archivedAt));
  if (query.archived === 'true') conditions.push(isNotNull(memberUnits.archivedAt));
  if (query.unitType) conditions.push(eq(memberUnits.unitType, query.unitType));
  if (query.level) conditions.push(eq(memberUnits.level, query.level));
  if (query.projectType) conditions.push(arrayContains(memberUnits.projectTypes, [query.projectType]));
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(ilike(memberUnits.name, like), ilike(memberUnits.uscc, like), ilike(memberUnits.address, like))!,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listMemberUnits(ctx: Ctx, query: MemberUnitQuery): Promise<Page<MemberUnit>> {
  authorize(ctx, memberUnitsPolicy, 'read');
  const where = filters(query);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(memberUnits)
      .where(where)
      .orderBy(asc(memberUnits.name), asc(memberUnits.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(memberUnits).where(where),
  ]);
  const contacts = await contactsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => present(ctx, r, contacts.get(r.id) ?? [])),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every unit matching the filters, unpaged (for the Excel export). */
export async function allMemberUnits(ctx: Ctx, query: Omit<MemberUnitQuery, 'page' | 'pageSize'>) {
  authorize(ctx, memberUnitsPolicy, 'export');
  const rows = await ctx.db.select().from(memberUnits).where(filters(query)).orderBy(asc(memberUnits.name));
  const contacts = await contactsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(ctx, r, contacts.get(r.id) ?? []));
}

export async function getMemberUnit(ctx: Ctx, id: string): Promise<MemberUnit> {
  authorize(ctx, memberUnitsPolicy, 'read');
  const [row] = await ctx.db.select().from(memberUnits).where(eq(memberUnits.id, id));
  if (!row) throw notFound('@entities.member_unit');
  const contacts = await contactsOf(ctx, [id]);
  return present(ctx, row, contacts.get(id) ?? []);
}

function columns(input: MemberUnitInput) {
  return {
    name: input.name,
    uscc: input.uscc,
    unitType: input.unitType,
    level: input.level,
    projectTypes: [...new Set(input.projectTypes)],
    address: input.address ?? null,
    projectCount: input.projectCount ?? null,
    staffCount: input.staffCount ?? null,
    note: input.note ?? null,
  };
}

async function replaceContacts(ctx: Ctx, unitId: string, contacts: MemberUnitInput['contacts']) {
  await ctx.db.delete(unitContacts).where(eq(unitContacts.memberUnitId, unitId));
  if (!contacts.length) return;
  const hasPrimary = contacts.some((c) => c.isPrimary);
  await ctx.db.insert(unitContacts).values(
    contacts.map((c, i) => ({
      memberUnitId: unitId,
      name: c.name,
      position: c.position ?? null,
      mobile: c.mobile ?? null,
      email: c.email ?? null,
      isPrimary: hasPrimary ? c.isPrimary : i === 0,
      createdAt: new Date(ctx.clock.now().getTime() + i),
    })),
  );
}

/**
 * For re-imports: a spreadsheet row carries one contact, so contacts are merged rather than
 * replaced. A contact with the same name or mobile is updated, a new one is added, others stay.
 */
async function mergeContacts(ctx: Ctx, unitId: string, contacts: MemberUnitInput['contacts']) {
  if (!contacts.length) return;
  const existing = await ctx.db.select().from(unitContacts).where(eq(unitContacts.memberUnitId, unitId));
  for (const c of contacts) {
    const match = existing.find((e) => e.name === c.name || (!!c.mobile && e.mobile === c.mobile));
    if (c.isPrimary) {
      await ctx.db
        .update(unitContacts)
        .set({ isPrimary: false, updatedAt: ctx.clock.now() })
        .where(eq(unitContacts.memberUnitId, unitId));
    }
    const values = {
      name: c.name,
      position: c.position ?? match?.position ?? null,
      mobile: c.mobile ?? match?.mobile ?? null,
      email: c.email ?? match?.email ?? null,
      isPrimary: c.isPrimary || (match?.isPrimary ?? false),
      updatedAt: ctx.clock.now(),
    };
    if (match) await ctx.db.update(unitContacts).set(values).where(eq(unitContacts.id, match.id));
    else
      await ctx.db
        .insert(unitContacts)
        .values({ ...values, memberUnitId: unitId, createdAt: ctx.clock.now() });
  }
}

async function assertUsccFree(ctx: Ctx, uscc: string, exceptId?: string) {
  const [clash] = await ctx.db
    .select({ id: memberUnits.id })
    .from(memberUnits)
    .where(eq(memberUnits.uscc, uscc));
  if (clash && clash.id !== exceptId) throw conflict('member_units.uscc_taken', { uscc });
}

export async function createMemberUnit(ctx: Ctx, input: MemberUnitInput): Promise<MemberUnit> {
  authorize(ctx, memberUnitsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await assertUsccFree(tx, input.uscc);
    const [row] = await tx.db
      .insert(memberUnits)
      .values({ ...columns(input), createdAt: tx.clock.now(), updatedAt: tx.clock.now() })
      .returning();
    await replaceContacts(tx, row.id, input.contacts);
    const unit = await getMemberUnit(tx, row.id);
    await recordAudit(tx, {
      action: 'member_unit.create',
      entityType: 'member_unit',
      entityId: row.id,
      after: unit,
    });
    return unit;
  });
}

export async function updateMemberUnit(ctx: Ctx, id: string, input: MemberUnitInput): Promise<MemberUnit> {
  authorize(ctx, memberUnitsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getMemberUnit(tx, id);
    await assertUsccFree(tx, input.uscc, id);
    await tx.db
      .update(memberUnits)
      .set({ ...columns(input), updatedAt: tx.clock.now() })
      .where(eq(memberUnits.id, id));
    await replaceContacts(tx, id, input.contacts);
    const after = await getMemberUnit(tx, id);
    await recordAudit(tx, {
      action: 'member_unit.update',
      entityType: 'member_unit',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archiving hides a unit from lists and pickers but keeps its history; it can be restored. */
export async function setMemberUnitArchived(ctx: Ctx, id: string, archived: boolean): Promise<MemberUnit> {
  authorize(ctx, memberUnitsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getMemberUnit(tx, id);
    await tx.db
      .update(memberUnits)
      .set({ archivedAt: archived ? tx.clock.now() : null, updatedAt: tx.clock.now() })
      .where(eq(memberUnits.id, id));
    const after = await getMemberUnit(tx, id);
    await recordAudit(tx, {
      action: archived ? 'member_unit.archive' : 'member_unit.restore',
      entityType: 'member_unit',
      entityId: id,
      before: { archived: before.archived },
      after: { archived: after.archived },
    });
    return after;
  });
}

/**
 * Writes every unit in one transaction: a unit whose credit code exists is updated, others are
 * created. Used by the Excel import after the preview.
 */
export async function upsertMemberUnits(ctx: Ctx, units: MemberUnitInput[]) {
  authorize(ctx, memberUnitsPolicy, 'import');
  return inTransaction(ctx, async (tx) => {
    let created = 0;
    let updated = 0;
    const seen = new Map<string, MemberUnitInput>();
    for (const unit of units) seen.set(unit.uscc, unit); // the last row for a code wins
    for (const unit of seen.values()) {
      const [existing] = await tx.db
        .select({ id: memberUnits.id })
        .from(memberUnits)
        .where(eq(memberUnits.uscc, unit.uscc));
      if (existing) {
        await tx.db
          .update(memberUnits)
          .set({ ...columns(unit), archivedAt: null, updatedAt: tx.clock.now() })
          .where(eq(memberUnits.id, existing.id));
        await mergeContacts(tx, existing.id, unit.contacts);
        updated++;
      } else {
        const [row] = await tx.db
          .insert(memberUnits)
          .values({ ...columns(unit), createdAt: tx.clock.now(), updatedAt: tx.clock.now() })
          .returning({ id: memberUnits.id });
        await replaceContacts(tx, row.id, unit.contacts);
        created++;
      }
    }
    await recordAudit(tx, {
      action: 'member_unit.import',
      entityType: 'member_unit',
      after: { created, updated, credit_codes: [...seen.keys()] },
    });
    return { created, updated };
  });
}
