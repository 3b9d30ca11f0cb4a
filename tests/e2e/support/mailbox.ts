import { existsSync, readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** One e-mail the e2e SMTP sink received (scripts/e2e-mail-sink.mjs writes them to E2E_MAILBOX). */
export type Mail = { to: string[]; subject: string; text: string; html: string };

/** Every e-mail received so far. */
export function mails(): Mail[] {
  const file = process.env.E2E_MAILBOX;
  expect(file, 'E2E_MAILBOX (run through scripts/run-e2e.mjs)').toBeTruthy();
  if (!existsSync(file!)) return [];
  return readFileSync(file!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);
}

/** Waits (the outbox sends every second) for an e-mail to `to` whose subject matches, and returns it. */
export async function mailTo(to: string, subject: string | RegExp): Promise<Mail> {
  const matches = (m: Mail) =>
    m.to.includes(to) &&
    (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject));
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        found = mails().find(matches);
        return !!found;
      },
      { timeout: 30_000, message: `an e-mail to ${to} (${subject})` },
    )
    .toBe(true);
  return found!;
}
