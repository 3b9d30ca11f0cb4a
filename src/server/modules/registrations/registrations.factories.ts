import { eq } from 'drizzle-orm';
import type { EventInput } from '../../../contract/events.js';
import { CONSENT_VERSION, type RegisterInput } from '../../../contract/registrations.js';
import { nextSerial } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { buildEvent } from '../events/events.factories.js';
import { events } from '../events/events.table.js';

/** A published event open for registration (the lifecycle checks are the events module's tests). */
export async function buildOpenEvent(t: TestApp, overrides: Partial<EventInput> = {}) {
  const built = await buildEvent(t, overrides);
  await t.database.db.update(events).set({ status: 'published' }).where(eq(events.id, built.event.id));
  return built;
}

let mobileSerial = 0;
export function uniqueMobile() {
  mobileSerial++;
  return `13${String(100000000 + ((nextSerial() * 7 + mobileSerial) % 900000000)).slice(-9)}`;
}

export function registerInput(memberUnitId: string, overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    name: '李参观',
    position: '项目经理',
    mobile: uniqueMobile(),
    email: 'visitor@example.com',
    focusDimensionIds: [],
    questions: null,
    answers: {},
    memberUnitId,
    unitName: null,
    eventSiteId: null,
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...overrides,
  };
}
