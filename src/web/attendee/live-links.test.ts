import { describe, expect, it } from 'vitest';
import { liveLinksFor } from './live-links.js';
import type { Pass } from './types.js';

function pass(status: string, survey: Pass['survey'], registration = 'confirmed'): Pass {
  return {
    registration: { status: registration } as Pass['registration'],
    event: { status } as Pass['event'],
    canChange: false,
    retentionDays: 180,
    survey,
  };
}
const keys = (p: Pass) => liveLinksFor(p).map((l) => l.key);

describe('live links: the survey', () => {
  it('shows while the survey is open, whatever the event status', () => {
    for (const status of ['published', 'registration_closed', 'in_progress', 'completed', 'archived'])
      expect(keys(pass(status, { status: 'open', responded: false }))).toContain('survey');
  });

  it('hides a draft (null) or a closed survey the person never answered', () => {
    expect(keys(pass('in_progress', null))).not.toContain('survey');
    expect(keys(pass('completed', { status: 'closed', responded: false }))).not.toContain('survey');
  });

  it('keeps the link to read the answers once closed', () => {
    expect(keys(pass('completed', { status: 'closed', responded: true }))).toContain('survey');
  });

  it('does not offer an open survey to a cancelled or waitlisted registration', () => {
    expect(keys(pass('in_progress', { status: 'open', responded: false }, 'cancelled'))).not.toContain(
      'survey',
    );
    expect(keys(pass('in_progress', { status: 'open', responded: false }, 'waitlisted'))).not.toContain(
      'survey',
    );
  });

  it('falls back to the event status for a pass cached before it carried the survey', () => {
    expect(keys(pass('in_progress', undefined))).toContain('survey');
    expect(keys(pass('published', undefined))).not.toContain('survey');
  });
});
