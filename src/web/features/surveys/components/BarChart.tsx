import { BarChart as BarSeries } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the bar parts of ECharts (the whole library is ~350 kB gzip).
echarts.use([BarSeries, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type BarSeriesInput = { name: string; values: number[]; color?: string };

/**
 * Counts per category: one series is a plain distribution, several are grouped bars (a matrix:
 * one group per row, one bar per scale value). `horizontal` suits long labels (choice options).
 */
export function BarChart({
  categories,
  series,
  horizontal = false,
  height = 220,
  colors,
  testId,
}: {
  categories: string[];
  series: BarSeriesInput[];
  horizontal?: boolean;
  height?: number;
  /** One colour per category (single series only), e.g. red → green for NPS. */
  colors?: string[];
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      inverse: horizontal,
      axisLabel: horizontal
        ? { width: 140, overflow: 'truncate' as const }
        : { interval: 0, hideOverlap: true },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    const many = series.length > 1;
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: many ? { bottom: 0, type: 'scroll' } : undefined,
        grid: { left: 8, right: 24, top: 16, bottom: many ? 36 : 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          barMaxWidth: 36,
          itemStyle: s.color ? { color: s.color } : undefined,
          label: {
            show: !many,
            position: horizontal ? 'right' : 'top',
            formatter: (p: { value?: unknown }) => (p.value ? String(p.value) : ''),
          },
          data: s.values.map((value, i) =>
            !many && colors?.[i] ? { value, itemStyle: { color: colors[i] } } : value,
          ),
        })),
      },
      true,
    );
  }, [categories, series, horizontal, colors]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
