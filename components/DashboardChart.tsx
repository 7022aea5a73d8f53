import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type LegendPayload } from 'recharts';
import type { ChartRow, Series } from '@/lib/ui/types';
import { formatUsdAmount } from '@/lib/ui/format';
import { t } from '@/lib/i18n/t';

/** Axis labels in the page's muted text color, which reads in both schemes (recharts' grey does not in dark). */
const TICK = { fill: 'var(--muted)', fontSize: 12 };

const COLORS = ['#2456d6', '#d9822b', '#2f9e66', '#b8336a', '#7a5af5', '#0f8b8d', '#c9a227', '#6b7280'];

const LEGEND_LIST = { listStyle: 'none', margin: 0, padding: 0, textAlign: 'center', fontSize: 14 } as const;
const LEGEND_ITEM = { display: 'inline-block', marginRight: 10, color: 'var(--fg)' } as const;

/**
 * The legend, drawn here rather than by recharts: its icons carry English words of their own (an
 * aria-label "… legend icon"). A swatch is decoration beside its series' name; the series' colors
 * fail contrast as text (dark scheme), so the names are in the page's text color.
 */
function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul style={LEGEND_LIST}>
      {payload?.map((entry) => (
        <li key={String(entry.value)} style={LEGEND_ITEM}>
          <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, verticalAlign: 'middle', background: entry.color }} />
          {entry.value}
        </li>
      ))}
    </ul>
  );
}

/** Spend per day, one stacked bar per series (a site, or a provider). Drawn without animation. */
export function DashboardChart({ title, rows, series, testId }: { title: string; rows: ChartRow[]; series: Series[]; testId: string }) {
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {series.length === 0 ? (
        <p className="muted">{t('dashboard_noSpend')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} tick={TICK} />
            <YAxis tickFormatter={(usd: number) => `$${formatUsdAmount(usd)}`} width={76} tick={TICK} />
            <Tooltip formatter={(value) => `$${formatUsdAmount(Number(value))}`} />
            <Legend content={ChartLegend} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="spend" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
