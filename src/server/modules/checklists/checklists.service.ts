import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type {
  Checklist,
  ChecklistTask,
  ChecklistTaskInput,
  ChecklistTaskPatch,
} from '../../../contract/checklists.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { addDays, todayInChina } from '../events/events.dates.js';
import { assertFollowUpEditable, loadEvent, touchEvent } from '../events/events.guard.js';
import { eventsPolicy } from '../events/events.policy.js';
import { users } from '../users/users.table.js';
import { DEFAULT_TASKS } from './checklists.defaults.js';
import { checklistTasks } from './checklists.table.js';

type TaskRow = typeof checklistTasks.$inferSelect;

/** Tasks in due order, each with its due date and whether it is overdue today (China time). */
export async function checklistOf(ctx: Ctx, eventId: string): Promise<Checklist> {
  const event = await loadEvent(ctx, eventId);
  const today = todayInChina(ctx.clock);
  const rows = await ctx.db
    .select({ task: checklistTasks, assigneeName: users.name })
    .from(checklistTasks)
    .leftJoin(users, eq(users.id, checklistTasks.assigneeId))
    .where(eq(checklistTasks.eventId, eventId))
    .orderBy(asc(checklistTasks.offsetDays), asc(checklistTasks.position));
  const tasks: ChecklistTask[] = rows.map(({ task, assigneeName }) => {
    const dueDate = addDays(event.eventDate, task.offsetDays);
    return {
      id: task.id,
      position: task.position,
      offsetDays: task.offsetDays,
      title: task.title,
      assigneeId: task.assigneeId,
      assigneeName: assigneeName ?? null,
      status: task.status,
      notes: task.notes,
      dueDate,
      overdue: task.status !== 'done' && dueDate < today,
      doneAt: task.doneAt?.toISOString() ?? null,
    };
  });
  return { eventId, today, tasks, overdueCount: tasks.filter((t) => t.overdue).length };
}

export async function getChecklist(ctx: Ctx, eventId: string) {
  authorize(ctx, eventsPolicy, 'read');
  return checklistOf(ctx, eventId);
}

/** The seed's T-14 … T+7 tasks for a new event, titled in the caller's language. */
export async function createDefaultTasks(tx: Ctx, eventId: string) {
  await tx.db.insert(checklistTasks).values(
    DEFAULT_TASKS.map((task, position) => ({
      eventId,
      position,
      offsetDays: task.offsetDays,
      title: task.title[tx.lang],
    })),
  );
}

async function assertAssignable(ctx: Ctx, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const [user] = await ctx.db
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, assigneeId), isNull(users.disabledAt)));
  if (!user || (user.role !== 'admin' && user.role !== 'staff')) throw invalid('checklists.assignee_invalid');
}

async function loadTask(ctx: Ctx, eventId: string, taskId: string): Promise<TaskRow> {
  const [row] = await ctx.db
    .select()
    .from(checklistTasks)
    .where(and(eq(checklistTasks.id, taskId), eq(checklistTasks.eventId, eventId)));
  if (!row) throw notFound('@entities.checklist_task');
  return row;
}

async function checklistWrite(
  ctx: Ctx,
  eventId: string,
  action: string,
  change: (tx: Ctx) => Promise<{ entityId?: string; before?: unknown; after?: unknown }>,
) {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    assertFollowUpEditable(await loadEvent(tx, eventId, true));
    const audit = await change(tx);
    await touchEvent(tx, eventId);
    await recordAudit(tx, { action, entityType: 'checklist_task', entityId: audit.entityId, ...audit });
    return checklistOf(tx, eventId);
  });
}

export function addTask(ctx: Ctx, eventId: string, input: ChecklistTaskInput) {
  return checklistWrite(ctx, eventId, 'checklist.add_task', async (tx) => {
    await assertAssignable(tx, input.assigneeId);
    const [{ last }] = await tx.db
      .select({ last: max(checklistTasks.position) })
      .from(checklistTasks)
      .where(eq(checklistTasks.eventId, eventId));
    const [row] = await tx.db
      .insert(checklistTasks)
      .values({
        eventId,
        position: (last ?? -1) + 1,
        offsetDays: input.offsetDays,
        title: input.title,
        assigneeId: input.assigneeId ?? null,
        status: input.status,
        notes: input.notes ?? null,
        doneAt: input.status === 'done' ? tx.clock.now() : null,
      })
      .returning();
    return { entityId: row.id, after: row };
  });
}

export function updateTask(ctx: Ctx, eventId: string, taskId: string, patch: ChecklistTaskPatch) {
  return checklistWrite(ctx, eventId, 'checklist.update_task', async (tx) => {
    const before = await loadTask(tx, eventId, taskId);
    if (patch.assigneeId !== undefined) await assertAssignable(tx, patch.assigneeId);
    const status = patch.status ?? before.status;
    const [after] = await tx.db
      .update(checklistTasks)
      .set({
        ...(patch.offsetDays !== undefined && { offsetDays: patch.offsetDays }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.assigneeId !== undefined && { assigneeId: patch.assigneeId }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        status,
        doneAt: status === 'done' ? (before.doneAt ?? tx.clock.now()) : null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(checklistTasks.id, taskId))
      .returning();
    return { entityId: taskId, before, after };
  });
}

export function deleteTask(ctx: Ctx, eventId: string, taskId: string) {
  return checklistWrite(ctx, eventId, 'checklist.delete_task', async (tx) => {
    const before = await loadTask(tx, eventId, taskId);
    await tx.db.delete(checklistTasks).where(eq(checklistTasks.id, taskId));
    return { entityId: taskId, before };
  });
}

/** Active admins and staff, who can be given a task. */
export async function listAssignees(ctx: Ctx) {
  authorize(ctx, eventsPolicy, 'read');
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, ['admin', 'staff']), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
