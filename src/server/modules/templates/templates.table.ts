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
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { users } from '../users/users.table.js';

/** 观察模板 — an observation template; its content lives in versions. */
export const templates = pgTable(
  'templates',
  {
    id: id(),
    name: text().notNull(),
    description: text(),
    /** observation (观察记录表) | assessment (考评表, points-based). */
    kind: text().notNull().default('observation'),
    /** Set on templates Guanmo seeds itself, so seeding runs once per installation. */
    seedKey: text(),
    archivedAt: tstz(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('templates_seed_key_key').on(t.seedKey), index('templates_name_idx').on(t.name)],
);

/** A numbered version of a template: draft while edited, immutable once published. */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: id(),
    templateId: uuid()
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    /** draft | published */
    status: text().notNull().default('draft'),
    /** weighted_average (0–100) | points_sum */
    scoringMode: text().notNull().default('weighted_average'),
    /** Pass mark on the 0–100 total (points tables: 实得分/应得分 × 100). */
    passMark: doublePrecision(),
    publishedAt: tstz(),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('template_versions_template_number_key').on(t.templateId, t.number)],
);

/** 观察维度 — a dimension (or a section of a points table). */
export const templateDimensions = pgTable(
  'template_dimensions',
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => templateVersions.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text(),
    weight: doublePrecision().notNull().default(1),
    /** Points the section is worth in a points table (e.g. 基础管理 32 分). */
    maxPoints: doublePrecision(),
    createdAt: createdAt(),
  },
  (t) => [index('template_dimensions_version_idx').on(t.versionId, t.position)],
);

/** 观察点 — one observation point with its scoring scheme. */
export const templatePoints = pgTable(
  'template_points',
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => templateVersions.id, { onDelete: 'cascade' }),
    dimensionId: uuid()
      .notNull()
      .references(() => templateDimensions.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    /** What to look at (观察提示), e.g. 通行效率、识别准确率。 */
    hint: text(),
    /** stars_1_5 | points_0_n | yes_no_na | unscored */
    scheme: text().notNull(),
    maxPoints: doublePrecision(),
    step: doublePrecision(),
    weight: doublePrecision().notNull().default(1),
    /** 扣分规则, e.g. 缺一项扣0.5分 */
    deductionRule: text(),
    /** on_site | documents */
    checkMethod: text().notNull().default('on_site'),
    allowNa: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('template_points_version_idx').on(t.versionId),
    index('template_points_dimension_idx').on(t.dimensionId, t.position),
  ],
);

/** 引导性问题 — a guiding question, of a dimension or of one point. */
export const templateQuestions = pgTable(
  'template_questions',
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => templateVersions.id, { onDelete: 'cascade' }),
    dimensionId: uuid()
      .notNull()
      .references(() => templateDimensions.id, { onDelete: 'cascade' }),
    pointId: uuid().references(() => templatePoints.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    text: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('template_questions_version_idx').on(t.versionId),
    index('template_questions_dimension_idx').on(t.dimensionId, t.position),
  ],
);
