import { RadarChart as RadarSeries } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the radar parts of ECharts (the whole library is ~350 kB gzip).
echarts.use([RadarSeries, RadarComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type RadarSeriesInput = { name: string; values: (number | null)[]; color?: string };

/** A 0–100 radar of the template's dimensions, one polygon per site. */
export function RadarChart({
  indicators,
  series,
  height = 360,
  dark = false,
  testId,
}: {
  indicators: string[];
  series: RadarSeriesInput[];
  height?: number | string;
  dark?: boolean;
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
    const text = dark ? '#dbe7ff' : '#1f2329';
    const line = dark ? 'rgba(255,255,255,0.25)' : '#d9d9d9';
    chart.current?.setOption(
      {
        tooltip: { trigger: 'item' },
        legend:
          series.length > 1 ? { bottom: 0, textStyle: { color: text, fontSize: dark ? 18 : 12 } } : undefined,
        radar: {
          indicator: indicators.map((name) => ({ name, max: 100 })),
          radius: dark ? '54%' : '58%',
          center: ['50%', series.length > 1 ? '46%' : '52%'],
          axisName: { color: text, fontSize: dark ? 18 : 12, overflow: 'break', width: dark ? 120 : 90 },
          splitLine: { lineStyle: { color: line } },
          axisLine: { lineStyle: { color: line } },
          splitArea: { show: !dark },
        },
        series: [
          {
            type: 'radar',
            symbolSize: dark ? 8 : 5,
            data: series.map((s) => ({
              name: s.name,
              value: s.values.map((v) => (v === null ? 0 : Math.round(v * 10) / 10)),
              areaStyle: { opacity: 0.25 },
              lineStyle: { width: dark ? 3 : 2 },
              itemStyle: s.color ? { color: s.color } : undefined,
              label: dark
                ? {
                    show: true,
                    color: '#ffd666',
                    fontSize: 18,
                    formatter: (p: { value?: unknown }) => (p.value ? String(p.value) : ''),
                  }
                : undefined,
            })),
          },
        ],
      },
      true,
    );
  }, [indicators, series, dark]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
