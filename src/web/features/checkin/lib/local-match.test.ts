import { describe, expect, it } from 'vitest';
import type { CheckinListEntry } from '../../../../contract/checkin.js';
import { localVerdict, passTokenOf, searchEntries } from './local-match.js';

const SITE_A = '00000000-0000-4000-8000-00000000000a';
const SITE_B = '00000000-0000-4000-8000-00000000000b';

function entry(overrides: Partial<CheckinListEntry> = {}): CheckinListEntry {
  return {
    registrationId: '00000000-0000-4000-8000-000000000001',
    tokenHash: 'hash',
    name: '张三',
    unitName: '锦绣物业',
    position: null,
    mobileLast4: '1234',
    status: 'confirmed',
    eventSiteId: SITE_A,
    siteName: '锦绣华庭',
    groupName: null,
    guideName: null,
    checkedInAt: null,
    ...overrides,
  };
}

describe('passTokenOf', () => {
  it('takes the token out of a pass URL', () => {
    expect(passTokenOf('https://guanmo.example/p/abc_DEF-123')).toBe('abc_DEF-123');
  });
  it('keeps a bare token as it is', () => {
    expect(passTokenOf(' abc123 ')).toBe('abc123');
  });
});

describe('localVerdict (offline, same rules as the server)', () => {
  it('does not know a pass missing from the list', () => {
    expect(localVerdict(undefined, null, null)).toBe('unknown');
  });
  it('refuses a pass of the other site when the device scans for one site', () => {
    expect(localVerdict(entry({ eventSiteId: SITE_B }), SITE_A, null)).toBe('other_site');
  });
  it('accepts any site when the device scans for all of them', () => {
    expect(localVerdict(entry({ eventSiteId: SITE_B }), null, null)).toBe('checked_in');
  });
  it('names the status of a registration that cannot check in', () => {
    expect(localVerdict(entry({ status: 'waitlisted' }), null, null)).toBe('waitlisted');
    expect(localVerdict(entry({ status: 'cancelled' }), null, null)).toBe('cancelled');
    expect(localVerdict(entry({ status: 'pending' }), null, null)).toBe('pending');
  });
  it('tells a second scan apart', () => {
    expect(localVerdict(entry(), SITE_A, '2026-11-27T09:00:00+08:00')).toBe('already_checked_in');
  });
});

describe('searchEntries', () => {
  const list = [
    entry({ registrationId: 'a', name: '王小明', mobileLast4: '8888', unitName: '万科物业' }),
    entry({ registrationId: 'b', name: '小王', mobileLast4: '1288', unitName: '碧桂园服务' }),
    entry({ registrationId: 'c', name: '李四', mobileLast4: '0001', unitName: '锦绣物业' }),
  ];
  const ids = (q: string) => searchEntries(list, q).map((e) => e.registrationId);

  it('finds by the last four mobile digits, or by their tail', () => {
    expect(ids('8888')).toEqual(['a']);
    expect(ids('88').sort()).toEqual(['a', 'b']);
  });
  it('ranks a name that starts with the query above one that contains it', () => {
    expect(ids('王')).toEqual(['a', 'b']);
    expect(ids('小')).toEqual(['b', 'a']);
  });
  it('finds by unit name', () => {
    expect(ids('锦绣')).toEqual(['c']);
  });
  it('finds nobody for an empty query', () => {
    expect(ids('  ')).toEqual([]);
  });
});
