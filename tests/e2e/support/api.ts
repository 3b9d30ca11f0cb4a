import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest } from '@playwright/test';
import { CONSENT_VERSION } from '../../../src/contract/registrations.js';

/**
 * API setup for the journeys: the first admin (made on a fresh database, signed in otherwise) and a
 * published event with confirmed registrations, so a journey starts where its own story begins.
 */
export const ADMIN = { name: '王管理', email: 'admin@e2e.guanmo.test', password: 'e2e-password-1' };
export const API = '/api/v1';
export const FIXTURES = 'tests/e2e/fixtures';

export type ApiClient = Awaited<ReturnType<typeof apiClient>>;

/** An API client with the double-submit CSRF token (from the `guanmo_csrf` cookie). */
export async function apiClient(baseURL: string, storageState?: string) {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState });
  await ctx.get(`${API}/auth/csrf`);
  const csrf = async () =>
    (await ctx.storageState()).cookies.find((c) => c.name === 'guanmo_csrf')?.value ?? '';
  const call = async <T>(
    method: 'post' | 'put' | 'patch' | 'get',
    url: string,
    data?: unknown,
  ): Promise<T> => {
    const res = await ctx[method](`${API}${url}`, {
      data,
      headers: method === 'get' ? {} : { 'x-csrf-token': await csrf() },
    });
    expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  return { ctx, call };
}

/** The first admin (made here when this journey runs before the foundation journey). */
export async function signedInAdmin(baseURL: string) {
  const client = await apiClient(baseURL);
  const status = await client.call<{ needsSetup: boolean }>('get', '/setup');
  if (status.needsSetup) {
    const token = new URL(process.env.E2E_SETUP_URL ?? 'http://x/').searchParams.get('token') ?? '';
    await client.call('post', '/setup', {
      token,
      association: { name: '深圳市物业管理协会（测试）', region: '深圳市' },
      admin: { name: ADMIN.name, email: ADMIN.email, mobile: '13800138000', password: ADMIN.password },
      demo: false,
    });
  } else {
    await client.call('post', '/auth/login', { login: ADMIN.email, password: ADMIN.password });
  }
  return client;
}

/** Generated files (sessions, fake camera videos, photos) stay out of git. */
export function fixturesDir() {
  mkdirSync(FIXTURES, { recursive: true });
  writeFileSync(path.join(FIXTURES, '.gitignore'), '*\n');
  return FIXTURES;
}

/** A calendar day in China time (events happen there), `days` from today. */
const dayPlus = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

export type Attendee = {
  name: string;
  unitName: string;
  email: string;
  registrationId: string;
  passToken: string;
  passUrl: string;
};
export type PublishedEvent = {
  eventId: string;
  /** The benchmark site (`sites` id: hosts are linked to it). */
  siteId: string;
  /** The event's one site (its `event_sites` id: routes, groups). */
  eventSiteId: string;
  slug: string;
  theme: string;
  attendees: Attendee[];
  /** The admin's signed-in session, for browser contexts (`storageState`). */
  storage: string;
};

/**
 * A published event (default template, half-day agenda, default route, open to non-members, no
 * approval) with one confirmed registration per name, each with an e-mail address at e2e.guanmo.test.
 * `onTheDay`: afterwards the event is moved to today (registration closed yesterday) and started
 * (`in_progress`), as on the day of the visit.
 */
export async function publishedEventWithAttendees(
  baseURL: string,
  {
    run,
    theme,
    names,
    units,
    onTheDay = false,
  }: { run: string; theme: string; names: string[]; units: string[]; onTheDay?: boolean },
): Promise<PublishedEvent> {
  const admin = await signedInAdmin(baseURL);
  const site = await admin.call<{ id: string }>('post', '/sites', {
    name: `${theme}小区`,
    projectType: 'residential',
    willingness: 'yes',
  });
  const templates = await admin.call<{ isDefault: boolean; currentVersion: { id: string } | null }[]>(
    'get',
    '/templates',
  );
  const template =
    templates.find((tpl) => tpl.isDefault && tpl.currentVersion) ??
    templates.find((tpl) => tpl.currentVersion);
  const input = {
    theme,
    objectives: ['learn_experience'],
    eventDate: dayPlus(7),
    format: 'half_day',
    sites: [{ siteId: site.id, capacity: 40 }],
    templateVersionId: template?.currentVersion?.id ?? null,
    capacity: 40,
    fee: 0,
    registrationDeadline: `${dayPlus(6)}T18:00:00+08:00`,
    meetingPoint: '小区南门',
    contactName: '陈联络',
    contactPhone: '13900139000',
  };
  const event = await admin.call<{ id: string; slug: string; sites: { id: string }[] }>(
    'post',
    '/events',
    input,
  );
  await admin.call('post', `/events/${event.id}/agenda/template`, { template: 'half_day' });
  await admin.call('post', `/events/${event.id}/sites/${event.sites[0].id}/route/default`, {});
  await admin.call('put', `/events/${event.id}/registration-settings`, {
    unitQuota: null,
    requiresApproval: false,
    allowNonMembers: true,
    retentionDays: 180,
  });
  await admin.call('post', `/events/${event.id}/transition`, { to: 'published' });

  const visitor = await apiClient(baseURL);
  const attendees: Attendee[] = [];
  for (const [i, name] of names.entries()) {
    const unitName = units[i % units.length];
    const email = `a${i + 1}-${run}@e2e.guanmo.test`;
    const result = await visitor.call<{
      status: string;
      registrationId: string;
      passToken: string;
      passUrl: string;
    }>('post', `/public/events/${event.slug}/registrations`, {
      name,
      position: '项目经理',
      mobile: `136${String(run).padStart(6, '0').slice(-6)}${String(10 + i)}`,
      email,
      focusDimensionIds: [],
      questions: null,
      answers: {},
      memberUnitId: null,
      unitName,
      eventSiteId: null,
      consent: true,
      consentVersion: CONSENT_VERSION,
    });
    expect(result.status, `registration of ${name}`).toBe('confirmed');
    attendees.push({ name, unitName, email, ...result });
  }
  await visitor.ctx.dispose();
  if (onTheDay) {
    await admin.call('put', `/events/${event.id}`, {
      ...input,
      slug: event.slug,
      eventDate: dayPlus(0),
      registrationDeadline: `${dayPlus(-1)}T18:00:00+08:00`,
    });
    await admin.call('post', `/events/${event.id}/transition`, { to: 'registration_closed' });
    await admin.call('post', `/events/${event.id}/transition`, { to: 'in_progress' });
  }
  const storage = path.join(fixturesDir(), `admin-${run}.json`);
  await admin.ctx.storageState({ path: storage });
  await admin.ctx.dispose();
  return {
    eventId: event.id,
    siteId: site.id,
    eventSiteId: event.sites[0].id,
    slug: event.slug,
    theme,
    attendees,
    storage,
  };
}
