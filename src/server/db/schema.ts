// Every module's tables, for drizzle-kit and the typed query API.
export * from '../core/realtime.table.js';
export * from '../modules/association/association.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/files/files.table.js';
export * from '../modules/member-units/member-units.table.js';
export * from '../modules/notifications/outbox.table.js';
export * from '../modules/sites/screening.table.js';
export * from '../modules/sites/sites.table.js';
export * from '../modules/users/users.table.js';
export * from '../modules/templates/templates.table.js';
export * from '../modules/events/events.table.js';
export * from '../modules/agenda/agenda.table.js';
export * from '../modules/route-stops/route-stops.table.js';
export * from '../modules/checklists/checklists.table.js';
export * from '../modules/materials/materials.table.js';
export * from '../modules/registrations/registrations.table.js';
