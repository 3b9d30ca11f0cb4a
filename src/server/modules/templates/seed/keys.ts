/** seed_key of the templates Guanmo seeds (one row each per installation). */
export const DEFAULT_TEMPLATE_KEY = 'default_five_dimensions';
export const EXAMPLE_POINTS_TABLE_KEY = 'example_points_table';
