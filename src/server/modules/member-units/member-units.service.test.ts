import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/context.js';
import { buildUser, memberUnitInput } from '../../test/factories.js';
import { actorOf, openTestDatabase, type TestDb, testCtx } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import {
  createMemberUnit,
  getMemberUnit,
  setMemberUnitArchived,
  updateMemberUnit,
  upsertMemberUnits,
} from './member-units.service.js';
import { memberUnits, unitContacts } from './member-units.table.js';

let db: TestDb;
let staff: Actor;
let member: Actor;
beforeAll(async () => {
  db = await openTestDatabase();
  staff = actorOf(await buildUser(db, { role: 'staff' }));
  member = actorOf(await buildUser(db, { role: 'member' }));
});
afterAll(() => db.dispose());

const as = (actor: Actor | null) => testCtx(db, actor);

describe('access', () => {
  it('refuses a write without an actor (401) and by a member (403)', async () => {
    await expect(createMemberUnit(as(null), memberUnitInput())).rejects.toMatchObject({ status: 401 });
    await expect(createMemberUnit(as(member), memberUnitInput())).rejects.toMatchObject({
      status: 403,
      code: 'access.denied',
    });
    await expect(upsertMemberUnits(as(member), [memberUnitInput()])).rejects.toMatchObject({ status: 403 });
  });

  it('answers 404 for an unknown unit', async () => {
    await expect(getMemberUnit(as(staff), randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(updateMemberUnit(as(staff), randomUUID(), memberUnitInput())).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('presenting', () => {
  it('masks contact mobiles for a member and shows them to staff', async () => {
    const unit = await createMemberUnit(as(staff), memberUnitInput());
    expect((await getMemberUnit(as(member), unit.id)).contacts[0].mobile).toBe('139****5678');
    expect((await getMemberUnit(as(staff), unit.id)).contacts[0].mobile).toBe('13912345678');
  });

  it('makes the first contact primary when none is marked', async () => {
    const input = memberUnitInput({
      contacts: [
        { name: '一', position: null, mobile: null, email: null, isPrimary: false },
        { name: '二', position: null, mobile: null, email: null, isPrimary: false },
      ],
    });
    const unit = await createMemberUnit(as(staff), input);
    expect(unit.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['一', true],
      ['二', false],
    ]);
  });
});

describe('upsertMemberUnits', () => {
  it('creates new codes and updates known ones, with one audit entry for the import', async () => {
    const known = await createMemberUnit(as(staff), memberUnitInput());
    const fresh = memberUnitInput();
    const result = await upsertMemberUnits(as(staff), [
      fresh,
      memberUnitInput({ uscc: known.uscc, name: '更新后的名称' }),
    ]);
    expect(result).toEqual({ created: 1, updated: 1 });
    expect((await getMemberUnit(as(staff), known.id)).name).toBe('更新后的名称');
    const entries = await db.db.select().from(auditLog).where(eq(auditLog.action, 'member_unit.import'));
    expect(
      entries.some((e) => (e.after as { credit_codes: string[] }).credit_codes.includes(fresh.uscc)),
    ).toBe(true);
  });

  it('takes the last of several rows with the same code', async () => {
    const a = memberUnitInput({ name: '第一行' });
    const result = await upsertMemberUnits(as(staff), [a, { ...a, name: '最后一行' }]);
    expect(result).toEqual({ created: 1, updated: 0 });
    const [row] = await db.db.select().from(memberUnits).where(eq(memberUnits.uscc, a.uscc));
    expect(row.name).toBe('最后一行');
  });

  it('restores an archived unit it updates', async () => {
    const unit = await createMemberUnit(as(staff), memberUnitInput());
    await setMemberUnitArchived(as(staff), unit.id, true);
    await upsertMemberUnits(as(staff), [memberUnitInput({ uscc: unit.uscc })]);
    expect((await getMemberUnit(as(staff), unit.id)).archived).toBe(false);
  });

  it('merges the imported contact into the existing ones instead of dropping them', async () => {
    const unit = await createMemberUnit(
      as(staff),
      memberUnitInput({
        contacts: [
          { name: '主联系人', position: '经理', mobile: '13900000001', email: null, isPrimary: true },
          { name: '备用联系人', position: null, mobile: '13900000002', email: null, isPrimary: false },
        ],
      }),
    );
    await upsertMemberUnits(as(staff), [
      memberUnitInput({
        uscc: unit.uscc,
        contacts: [
          { name: '主联系人', position: '总经理', mobile: null, email: 'boss@example.com', isPrimary: true },
        ],
      }),
    ]);
    const contacts = await db.db.select().from(unitContacts).where(eq(unitContacts.memberUnitId, unit.id));
    expect(contacts).toHaveLength(2);
    expect(contacts.find((c) => c.name === '主联系人')).toMatchObject({
      position: '总经理',
      mobile: '13900000001',
      email: 'boss@example.com',
      isPrimary: true,
    });
    expect(contacts.find((c) => c.name === '备用联系人')?.isPrimary).toBe(false);
  });

  it('adds a new contact as primary when the row names someone else', async () => {
    const unit = await createMemberUnit(as(staff), memberUnitInput());
    await upsertMemberUnits(as(staff), [
      memberUnitInput({
        uscc: unit.uscc,
        contacts: [{ name: '新联系人', position: null, mobile: '13700000000', email: null, isPrimary: true }],
      }),
    ]);
    const presented = await getMemberUnit(as(staff), unit.id);
    expect(presented.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['新联系人', true],
      ['测试联系人', false],
    ]);
  });
});
