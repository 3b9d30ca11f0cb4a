import type { Role } from '../../contract/common.js';
import type { Actor, Ctx } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/** A module's policy: which roles may do each action. Deny by default: unlisted means nobody. */
export type Policy<A extends string> = Record<A, readonly Role[]>;

/** Checks the actor against the policy and returns it; 401 without an actor, 403 with a wrong role. */
export function authorize<A extends string>(ctx: Ctx, policy: Policy<A>, action: A): Actor {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (!policy[action].includes(actor.role)) throw forbidden();
  return actor;
}

export const isStaffOrAdmin = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'staff';
