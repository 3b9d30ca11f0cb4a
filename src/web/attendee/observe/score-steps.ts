import type { TemplatePoint } from '../../../contract/templates.js';

/** The values a points_0_n point offers: 0, step, 2·step … max. */
export function pointSteps(point: Pick<TemplatePoint, 'maxPoints' | 'step'>): number[] {
  const max = point.maxPoints ?? 10;
  const step = point.step && point.step > 0 ? point.step : 1;
  const values: number[] = [];
  for (let i = 0; i * step <= max + 1e-9 && values.length <= 200; i++)
    values.push(Math.round(i * step * 100) / 100);
  if (values[values.length - 1] !== max) values.push(max);
  return values;
}
