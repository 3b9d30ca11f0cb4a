import { describe, expect, it } from 'vitest';
import { matchRoute } from '../router.js';
import { isAttendeePath } from '../vite-plugin.js';

describe('Q&A addresses of the attendee bundle', () => {
  it('match the pass Q&A, the join page and the presenter screen', () => {
    expect(matchRoute('/p/abcdefghijklmnopqrstuvwx/qa')).toEqual({
      page: 'qa',
      token: 'abcdefghijklmnopqrstuvwx',
    });
    expect(matchRoute('/e/spring-visit/qa')).toEqual({ page: 'qa_join', slug: 'spring-visit' });
    expect(matchRoute('/e/spring-visit/qa/screen')).toEqual({ page: 'qa_screen', slug: 'spring-visit' });
    expect(matchRoute('/e/spring-visit/qa/other').page).toBe('not_found');
  });

  it('are served by attendee.html in development too', () => {
    for (const path of ['/e/x/qa', '/e/x/qa/screen', '/p/token/qa']) expect(isAttendeePath(path)).toBe(true);
    expect(isAttendeePath('/e/x')).toBe(false);
  });
});
