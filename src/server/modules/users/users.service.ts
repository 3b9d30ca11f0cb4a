import { and, count, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page, Role } from '../../../contract/common.js';
import type {
  acceptInviteSchema,
  createInviteSchema,
  User,
  userQuerySchema,
} from '../../../contract/users.js';
import { authorize } from '../../core/access.js';
import { hashPassword } from '../../core/auth/password.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { associations } from '../association/association.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { createSession } from './auth.service.js';
import { usersPolicy } from './users.policy.js';
import { invites, users } from './users.table.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(ctx: Ctx, query: z.infer<typeof userQuerySchema>): Promise<Page<User>> {
  authorize(ctx, usersPolicy, 'list');
  const conditions: SQL[] = [];
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.memberUnitId) conditions.push(eq(users.memberUnitId, query.memberUnitId));
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like), ilike(users.mobile, like))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ user: users, memberUnitName: memberUnits.name })
      .from(users)
      .leftJoin(memberUnits, eq(memberUnits.id, users.memberUnitId))
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(users).where(where),
  ]);
  return {
    items: rows.map(({ user, memberUnitName }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      mobile: user.mobile,
      role: user.role,
      memberUnitId: user.memberUnitId,
      memberUnitName,
      position: user.position,
      disabled: !!user.disabledAt,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Disables (or re-enables) an account; a disabled account's sessions stop working at once. */
export async function setUserDisabled(ctx: Ctx, userId: string, disabled: boolean) {
  const actor = authorize(ctx, usersPolicy, 'disable');
  if (actor.userId === userId) throw invalid('users.cannot_disable_self');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(users).where(eq(users.id, userId));
    if (!before) throw notFound('@entities.user');
    const disabledAt = disabled ? tx.clock.now() : null;
    await tx.db.update(users).set({ disabledAt, updatedAt: tx.clock.now() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: { disabledAt: before.disabledAt },
      after: { disabledAt },
    });
  });
}

export async function createUser(
  ctx: Ctx,
  input: {
    name: string;
    email?: string | null;
    mobile?: string | null;
    password: string;
    role: Role;
    memberUnitId?: string | null;
    siteId?: string | null;
    position?: string | null;
  },
) {
  const email = input.email?.toLowerCase() ?? null;
  const mobile = input.mobile ?? null;
  if (email || mobile) {
    const clash = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(or(email ? eq(users.email, email) : undefined, mobile ? eq(users.mobile, mobile) : undefined));
    if (clash.length) throw conflict('users.login_taken');
  }
  const [user] = await ctx.db
    .insert(users)
    .values({
      name: input.name,
      email,
      mobile,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      memberUnitId: input.memberUnitId ?? null,
      siteId: input.siteId ?? null,
      position: input.position ?? null,
    })
    .returning();
  return user;
}

function presentInvite(row: typeof invites.$inferSelect, memberUnitName: string | null) {
  return {
    id: row.id,
    role: row.role,
    memberUnitId: row.memberUnitId,
    memberUnitName,
    name: row.name,
    email: row.email,
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createInvite(ctx: Ctx, input: z.infer<typeof createInviteSchema>) {
  const actor = authorize(ctx, usersPolicy, 'invite');
  return inTransaction(ctx, async (tx) => {
    let memberUnitName: string | null = null;
    if (input.memberUnitId) {
      const [unit] = await tx.db.select().from(memberUnits).where(eq(memberUnits.id, input.memberUnitId));
      if (!unit || unit.archivedAt) throw notFound('@entities.member_unit');
      memberUnitName = unit.name;
    }
    const token = newToken();
    const [row] = await tx.db
      .insert(invites)
      .values({
        tokenHash: hashToken(token),
        role: input.role,
        memberUnitId: input.role === 'member' ? (input.memberUnitId ?? null) : null,
        name: input.name ?? null,
        email: input.email ?? null,
        createdBy: actor.userId,
        expiresAt: new Date(tx.clock.now().getTime() + input.expiresInDays * 86400000),
        createdAt: tx.clock.now(),
      })
      .returning();
    await recordAudit(tx, {
      action: 'invite.create',
      entityType: 'invite',
      entityId: row.id,
      after: { role: row.role, memberUnitId: row.memberUnitId, email: row.email },
    });
    return { ...presentInvite(row, memberUnitName), token, url: `${tx.config.publicUrl}/invite/${token}` };
  });
}

export async function listInvites(ctx: Ctx) {
  authorize(ctx, usersPolicy, 'invite');
  const rows = await ctx.db
    .select({ invite: invites, memberUnitName: memberUnits.name })
    .from(invites)
    .leftJoin(memberUnits, eq(memberUnits.id, invites.memberUnitId))
    .orderBy(desc(invites.createdAt))
    .limit(200);
  return rows.map((r) => presentInvite(r.invite, r.memberUnitName));
}

export async function revokeInvite(ctx: Ctx, inviteId: string) {
  authorize(ctx, usersPolicy, 'invite');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(invites)
      .where(and(eq(invites.id, inviteId), isNull(invites.usedAt)))
      .returning();
    if (!row) throw notFound('@entities.invite');
    await recordAudit(tx, { action: 'invite.revoke', entityType: 'invite', entityId: inviteId, before: row });
  });
}

async function usableInvite(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ invite: invites, memberUnitName: memberUnits.name })
    .from(invites)
    .leftJoin(memberUnits, eq(memberUnits.id, invites.memberUnitId))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row) throw new AppError('invites.invalid', 404);
  if (row.invite.usedAt) throw new AppError('invites.used', 410);
  if (row.invite.expiresAt <= ctx.clock.now()) throw new AppError('invites.expired', 410);
  return row;
}

export async function previewInvite(ctx: Ctx, token: string) {
  const { invite, memberUnitName } = await usableInvite(ctx, token);
  const [association] = await ctx.db.select({ name: associations.name }).from(associations).limit(1);
  return {
    role: invite.role,
    memberUnitName,
    name: invite.name,
    email: invite.email,
    associationName: association?.name ?? '',
  };
}

/** Creates the account the invite promised and signs it in; the link works once. */
export async function acceptInvite(ctx: Ctx, token: string, input: z.infer<typeof acceptInviteSchema>) {
  return inTransaction(ctx, async (tx) => {
    const { invite } = await usableInvite(tx, token);
    const user = await createUser(tx, {
      name: input.name,
      email: input.email ?? invite.email,
      mobile: input.mobile ?? null,
      password: input.password,
      role: invite.role,
      memberUnitId: invite.memberUnitId,
      siteId: invite.siteId,
      position: input.position ?? null,
    });
    const used = await tx.db
      .update(invites)
      .set({ usedAt: tx.clock.now(), usedBy: user.id })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
      .returning({ id: invites.id });
    if (!used.length) throw new AppError('invites.used', 410);
    const sessionToken = await createSession(tx, user.id);
    return { sessionToken, userId: user.id };
  });
}
