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

export const LIVE_LINKS: LiveLink[] = [];

export const liveLinksFor = (pass: Pass) => LIVE_LINKS.filter((link) => link.shown(pass));
