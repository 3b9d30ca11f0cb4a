import { and, eq, gt, or } from 'drizzle-orm';
import type { Me } from '../../../contract/users.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../core/auth/password.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, invalid, unauthenticated } from '../../core/errors.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { sessions, users } from './users.table.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** E-mail or mobile + password. Returns a new session token for the cookie. */
export async function login(ctx: Ctx, input: { login: string; password: string; userAgent?: string }) {
  const loginName = input.login.trim().toLowerCase();
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(or(eq(users.email, loginName), eq(users.mobile, loginName)))
    .limit(1);
  const now = ctx.clock.now();
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError('auth.locked', 429, { minutes });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    if (lock) throw new AppError('auth.locked', 429, { minutes: LOCKOUT_MINUTES });
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (user.disabledAt) throw new AppError('auth.disabled', 403);
  await ctx.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  const token = await createSession(ctx, user.id, input.userAgent);
  return { token, userId: user.id };
}

export async function createSession(ctx: Ctx, userId: string, userAgent?: string) {
  const token = newToken();
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionDays * 86400000);
  await ctx.db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) });
  return token;
}

export async function logout(ctx: Ctx, token: string | undefined) {
  if (!token) return;
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Resolves a session cookie to the acting user, or null when it is missing, expired or disabled. */
export async function actorForSession(ctx: Ctx, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const [row] = await ctx.db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      memberUnitId: users.memberUnitId,
      siteId: users.siteId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, ctx.clock.now())))
    .limit(1);
  if (!row || row.disabledAt) return null;
  return {
    userId: row.userId,
    name: row.name,
    role: row.role,
    memberUnitId: row.memberUnitId,
    siteId: row.siteId,
  };
}

export async function getMe(ctx: Ctx): Promise<Me> {
  if (!ctx.actor) throw unauthenticated();
  const [row] = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      mobile: users.mobile,
      role: users.role,
      memberUnitId: users.memberUnitId,
      memberUnitName: memberUnits.name,
      siteId: users.siteId,
      lang: users.lang,
    })
    .from(users)
    .leftJoin(memberUnits, eq(memberUnits.id, users.memberUnitId))
    .where(eq(users.id, ctx.actor.userId));
  if (!row) throw unauthenticated();
  return row;
}

export async function updateMe(ctx: Ctx, input: { name?: string; lang?: 'zh-CN' | 'en-US' }) {
  if (!ctx.actor) throw unauthenticated();
  await ctx.db
    .update(users)
    .set({ ...input, updatedAt: ctx.clock.now() })
    .where(eq(users.id, ctx.actor.userId));
  return getMe(ctx);
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; keepSessionToken?: string },
) {
  if (!ctx.actor) throw unauthenticated();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalid('auth.wrong_password');
  }
  if (input.currentPassword === input.newPassword) throw invalid('auth.same_password');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
    const keep = input.keepSessionToken ? hashToken(input.keepSessionToken) : '';
    const all = await tx
      .select({ id: sessions.id, tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.userId, user.id));
    for (const s of all) if (s.tokenHash !== keep) await tx.delete(sessions).where(eq(sessions.id, s.id));
  });
}
