import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  HomeOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../contract/common.js';

/** One entry of the side menu; `roles` lists who sees it. Add a line here for a new page. */
export type NavItem = { path: string; labelKey: string; icon: ReactNode; roles: readonly Role[] };

const everyone: readonly Role[] = ['admin', 'staff', 'member', 'host'];

export const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, roles: everyone },
  { path: '/events', labelKey: 'nav.events', icon: <CalendarOutlined />, roles: ['admin', 'staff'] },
  { path: '/member-units', labelKey: 'nav.memberUnits', icon: <BankOutlined />, roles: everyone },
  { path: '/sites', labelKey: 'nav.sites', icon: <TrophyOutlined />, roles: ['admin', 'staff'] },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ['admin'] },
  {
    path: '/notifications',
    labelKey: 'nav.notifications',
    icon: <NotificationOutlined />,
    roles: ['admin', 'staff'],
  },
  {
    path: '/templates',
    labelKey: 'nav.templates',
    icon: <ProfileOutlined />,
    roles: ['admin', 'staff'],
  },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, roles: ['admin'] },
  { path: '/host/events', labelKey: 'nav.hostEvents', icon: <ScheduleOutlined />, roles: ['host'] },
];

export const navItemsFor = (role: Role) => NAV_ITEMS.filter((item) => item.roles.includes(role));

/** The menu entry that owns a location: the longest path that prefixes it. */
export function activeNavPath(pathname: string, items: NavItem[]): string | undefined {
  return items
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
