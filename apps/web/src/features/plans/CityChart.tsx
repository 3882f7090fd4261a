import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Lang } from '../../lib/numbers';

export interface CityBar {
  city: string;
  progress: number;
}

interface Props {
  data: CityBar[];
  lang: Lang;
  /** A per cent in the reader's words and digits (the catalogue's, with ٪ in Arabic). */
  percent(value: number): string;
  seriesLabel: string;
}

/**
 * Progress by member city as horizontal bars, 0–100. In Arabic the chart is mirrored: the bars grow from
 * the right and the city names stand on the right of them, not on the bars.
 */
export default function CityChart({ data, lang, percent, seriesLabel }: Props) {
  const rtl = lang === 'ar';
  return (
    <BarChart
      h={Math.max(140, 56 * data.length + 40)}
      data={data}
      dataKey="city"
      orientation="vertical"
      series={[{ name: 'progress', label: seriesLabel, color: 'majlis.7' }]}
      valueFormatter={percent}
      gridAxis="x"
      withBarValueLabel
      xAxisProps={{ domain: [0, 100], reversed: rtl, ticks: [0, 25, 50, 75, 100] }}
      yAxisProps={{ orientation: rtl ? 'right' : 'left', width: 120, tick: { fontSize: 13 } }}
      tooltipAnimationDuration={0}
      barProps={{ isAnimationActive: false }}
      // The table beside it reads the same figures to everyone; the drawing takes no keyboard focus.
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}
