import { useEffect, useState } from 'react';

/** A tiny history router: the attendee pages have three addresses, no router library needed. */
export type Route =
  | { page: 'register'; slug: string }
  | { page: 'pass'; token: string; edit: boolean }
  | { page: 'observe'; token: string }
  | { page: 'qa'; token: string }
  | { page: 'qa_join' | 'qa_screen'; slug: string }
  | { page: 'survey'; token: string }
  | { page: 'survey_landing'; slug: string }
  | { page: 'not_found' };

export function matchRoute(pathname: string): Route {
  const register = /^\/e\/([^/]+)\/register\/?$/.exec(pathname);
  if (register) return { page: 'register', slug: decodeURIComponent(register[1]) };
  const observe = /^\/p\/([^/]+)\/observe\/?$/.exec(pathname);
  if (observe) return { page: 'observe', token: decodeURIComponent(observe[1]) };
  const survey = /^\/p\/([^/]+)\/survey\/?$/.exec(pathname);
  if (survey) return { page: 'survey', token: decodeURIComponent(survey[1]) };
  const landing = /^\/e\/([^/]+)\/survey\/?$/.exec(pathname);
  if (landing) return { page: 'survey_landing', slug: decodeURIComponent(landing[1]) };
  const qa = /^\/p\/([^/]+)\/qa\/?$/.exec(pathname);
  if (qa) return { page: 'qa', token: decodeURIComponent(qa[1]) };
  const qaPublic = /^\/e\/([^/]+)\/qa(\/screen)?\/?$/.exec(pathname);
  if (qaPublic) return { page: qaPublic[2] ? 'qa_screen' : 'qa_join', slug: decodeURIComponent(qaPublic[1]) };
  const pass = /^\/p\/([^/]+)(\/edit)?\/?$/.exec(pathname);
  if (pass) return { page: 'pass', token: decodeURIComponent(pass[1]), edit: !!pass[2] };
  return { page: 'not_found' };
}

export function navigate(to: string, replace = false) {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function usePathname() {
  const [pathname, setPathname] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return pathname;
}
