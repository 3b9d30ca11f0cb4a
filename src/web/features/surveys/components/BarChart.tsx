import { BarChart as BarSeries } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the bar parts of ECharts (the whole library is ~350 kB gzip).
echarts.use([BarSeries, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type BarSeriesInput = { name: string; values: number[]; color?: string };

/** Counts per value of a scale (one series), or grouped bars when there are several series. */
export function BarChart({
  categories,
  series,
  height = 220,
  colors,
  testId,
}: {
  categories: string[];
  series: BarSeriesInput[];
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
    const many = series.length > 1;
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: many ? { bottom: 0, type: 'scroll' } : undefined,
        grid: { left: 8, right: 24, top: 16, bottom: many ? 36 : 8, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          barMaxWidth: 36,
          itemStyle: s.color ? { color: s.color } : undefined,
          label: {
            show: !many,
            position: 'top',
            formatter: (p: { value?: unknown }) => (p.value ? String(p.value) : ''),
          },
          data: s.values.map((value, i) =>
            !many && colors?.[i] ? { value, itemStyle: { color: colors[i] } } : value,
          ),
        })),
      },
      true,
    );
  }, [categories, series, colors]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
