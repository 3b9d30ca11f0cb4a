import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProjectType } from '../../../contract/enums.js';
import type { HonourLevel, Willingness } from '../../../contract/sites.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { files } from '../files/files.table.js';
import { memberUnits } from '../member-units/member-units.table.js';

/** 标杆项目 — a candidate benchmark site. */
export const sites = pgTable(
  'sites',
  {
    id: id(),
    name: text().notNull(),
    address: text(),
    district: text(),
    managingUnitId: uuid().references(() => memberUnits.id, { onDelete: 'set null' }),
    managingCompany: text(),
    projectType: text().$type<ProjectType>().notNull(),
    areaM2: doublePrecision(),
    households: integer(),
    tags: text().array().notNull().default([]),
    willingness: text().$type<Willingness>().notNull(),
    contactName: text(),
    contactMobile: text(),
    description: text(),
    archivedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sites_name_idx').on(t.name),
    index('sites_tags_idx').using('gin', t.tags),
    index('sites_managing_unit_idx').on(t.managingUnitId),
  ],
);

/** 荣誉 of a site, e.g. 2024 省级“优秀物业管理小区”. */
export const siteHonours = pgTable(
  'site_honours',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    level: text().$type<HonourLevel>().notNull(),
    title: text().notNull(),
    year: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('site_honours_site_idx').on(t.siteId)],
);

/** Ordered photos of a site; at most one is the cover. */
export const sitePhotos = pgTable(
  'site_photos',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    caption: text(),
    isCover: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('site_photos_file_key').on(t.fileId),
    index('site_photos_site_idx').on(t.siteId, t.position),
  ],
);

/** The association's editable list of feature tags offered when tagging a site. */
export const siteTags = pgTable(
  'site_tags',
  {
    id: id(),
    name: text().notNull(),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('site_tags_name_key').on(t.name)],
);
