/** Stable codes; their Chinese and English labels live in the locale files under `enums.*`. */
export const PROJECT_TYPES = [
  'luxury_residential',
  'residential',
  'commercial_complex',
  'industrial_park',
  'old_community',
  'office',
  'school_hospital',
  'public_building',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const UNIT_TYPES = ['property_company', 'developer', 'service_provider', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const MEMBER_LEVELS = [
  'president',
  'vice_president',
  'executive_director',
  'director',
  'member',
] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];
