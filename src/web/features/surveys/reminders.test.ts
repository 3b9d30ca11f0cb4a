import { describe, expect, it } from 'vitest';
import type { NonRespondent } from '../../../contract/surveys.js';
import { reminderPlan } from './reminders.js';

const NOW = Date.parse('2026-11-28T08:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const person = (over: Partial<NonRespondent>): NonRespondent => ({
  registrationId: '00000000-0000-4000-8000-000000000001',
  name: '张三',
  unitName: '某物业',
  mobileMasked: null,
  hasEmail: true,
  invitedAt: null,
  lastRemindedAt: null,
  reminders: 0,
  ...over,
});

describe('reminder plan', () => {
  it('tells the just invited from the just reminded, and the due ones apart', () => {
    const plan = reminderPlan(
      [
        person({ invitedAt: minutesAgo(5) }),
        person({ invitedAt: minutesAgo(120), lastRemindedAt: minutesAgo(30), reminders: 1 }),
        // Never invited, reminded once (the reminder made the invitation row with the same time).
        person({ invitedAt: minutesAgo(10), lastRemindedAt: minutesAgo(10), reminders: 1 }),
        person({ invitedAt: minutesAgo(61) }),
        person({ invitedAt: null }),
      ],
      NOW,
      60,
    );
    expect(plan).toEqual({
      due: 2,
      justInvited: 1,
      justReminded: 2,
      noEmail: 0,
      nextAt: NOW + 30 * 60_000,
    });
  });

  it('counts people without e-mail as unreachable first, even when just invited', () => {
    const plan = reminderPlan([person({ hasEmail: false, invitedAt: minutesAgo(1) })], NOW, 60);
    expect(plan).toEqual({ due: 0, justInvited: 0, justReminded: 0, noEmail: 1, nextAt: null });
  });

  it('is due exactly when the cooldown has passed', () => {
    expect(reminderPlan([person({ invitedAt: minutesAgo(60) })], NOW, 60).due).toBe(1);
    expect(reminderPlan([person({ invitedAt: minutesAgo(59) })], NOW, 60).justInvited).toBe(1);
  });
});
