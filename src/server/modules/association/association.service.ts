import { eq } from 'drizzle-orm';
import type { SetupInput } from '../../../contract/association.js';
import { authorize } from '../../core/access.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { ensureDefaultTemplates } from '../templates/seed/seed.service.js';
import { createSession } from '../users/auth.service.js';
import { createUser } from '../users/users.service.js';
import { associationPolicy } from './association.policy.js';
import { appState, associations } from './association.table.js';
import { loadDemoData } from './demo-data.js';

const SETUP_TOKEN_KEY = 'setup_token_hash';

export async function getAssociation(ctx: Ctx) {
  const [row] = await ctx.db.select().from(associations).limit(1);
  return row ?? null;
}

export async function setupStatus(ctx: Ctx) {
  const association = await getAssociation(ctx);
  return { needsSetup: !association, associationName: association?.name ?? null };
}

/**
 * On an empty database: makes a fresh one-time setup token and returns it (only its hash is
 * stored). Returns null once the association exists.
 */
export async function issueSetupToken(ctx: Ctx): Promise<string | null> {
  if (await getAssociation(ctx)) return null;
  const token = newToken();
  await ctx.db
    .insert(appState)
    .values({ key: SETUP_TOKEN_KEY, value: hashToken(token) })
    .onConflictDoUpdate({
      target: appState.key,
      set: { value: hashToken(token), updatedAt: ctx.clock.now() },
    });
  return token;
}

/** Creates the association and its first admin, optionally with the demo data; signs the admin in. */
export async function setup(ctx: Ctx, input: SetupInput) {
  return inTransaction(ctx, async (tx) => {
    const [state] = await tx.db
      .select()
      .from(appState)
      .where(eq(appState.key, SETUP_TOKEN_KEY))
      .for('update');
    if (await getAssociation(tx)) throw conflict('setup.already_done');
    if (!state || state.value !== hashToken(input.token)) throw new AppError('setup.invalid_token', 403);
    const result = await createAssociationWithAdmin(tx, input);
    await tx.db.delete(appState).where(eq(appState.key, SETUP_TOKEN_KEY));
    const sessionToken = await createSession(tx, result.adminId);
    return { sessionToken, ...result };
  });
}

/** Shared by the setup page and GUANMO_ADMIN_EMAIL/PASSWORD start-up. */
export async function createAssociationWithAdmin(
  ctx: Ctx,
  input: Pick<SetupInput, 'association' | 'admin' | 'demo'>,
) {
  const [association] = await ctx.db.insert(associations).values(input.association).returning();
  const admin = await createUser(ctx, {
    name: input.admin.name,
    email: input.admin.email,
    mobile: input.admin.mobile ?? null,
    password: input.admin.password,
    role: 'admin',
  });
  await recordAudit(
    {
      ...ctx,
      actor: { userId: admin.id, name: admin.name, role: 'admin', memberUnitId: null, siteId: null },
    },
    { action: 'association.setup', entityType: 'association', entityId: association.id, after: association },
  );
  // Before the demo data: demo events use the default template.
  await ensureDefaultTemplates(ctx, { demo: input.demo });
  const demo = input.demo ? await loadDemoData(ctx) : null;
  return { associationId: association.id, adminId: admin.id, demo };
}

export async function updateAssociation(ctx: Ctx, input: { name: string; region: string }) {
  authorize(ctx, associationPolicy, 'update');
  return inTransaction(ctx, async (tx) => {
    const before = await getAssociation(tx);
    if (!before) throw notFound('@entities.association');
    const [after] = await tx.db
      .update(associations)
      .set({ ...input, updatedAt: tx.clock.now() })
      .where(eq(associations.id, before.id))
      .returning();
    await recordAudit(tx, {
      action: 'association.update',
      entityType: 'association',
      entityId: after.id,
      before,
      after,
    });
    return { id: after.id, name: after.name, region: after.region };
  });
}
