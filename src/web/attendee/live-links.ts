import type { Pass } from './types.js';

/**
 * The "活动中" (during the event) links of the pass. Later modules (observation, Q&A, survey)
 * add one entry here each: a label key under `attendee.live.*`, the address, and when to show it.
 */
export type LiveLink = {
  key: string;
  labelKey: string;
  href: (token: string) => string;
  shown: (pass: Pass) => boolean;
};

/** Event statuses in which the scorecard opens (read-only once completed). */
const OBSERVE_STATUSES = new Set(['published', 'registration_closed', 'in_progress', 'completed']);

export const LIVE_LINKS: LiveLink[] = [
  {
    key: 'observe',
    labelKey: 'attendee.live.observe',
    href: (token) => `/p/${encodeURIComponent(token)}/observe`,
    shown: (pass) => pass.registration.status === 'confirmed' && OBSERVE_STATUSES.has(pass.event.status),
  },
  {
    key: 'qa',
    labelKey: 'attendee.live.qa',
    href: (token) => `/p/${encodeURIComponent(token)}/qa`,
    // Asking and voting while observations are open; afterwards the answers stay readable.
    shown: (pass) => pass.registration.status === 'confirmed' && OBSERVE_STATUSES.has(pass.event.status),
  },
  {
    key: 'survey',
    labelKey: 'attendee.live.survey',
    href: (token) => `/p/${encodeURIComponent(token)}/survey`,
    // Open (in any event status), or answered (to read it again); a pass cached before the pass
    // carried `survey` falls back to the event's status.
    shown: (pass) =>
      pass.survey !== undefined
        ? (pass.survey?.status === 'open' && pass.registration.status === 'confirmed') ||
          !!pass.survey?.responded
        : pass.registration.status === 'confirmed' &&
          ['in_progress', 'completed'].includes(pass.event.status),
  },
];

export const liveLinksFor = (pass: Pass) => LIVE_LINKS.filter((link) => link.shown(pass));
