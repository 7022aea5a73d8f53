import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow, Series } from '@/lib/ui/types';
import { formatUsdAmount } from '@/lib/ui/format';
import { t } from '@/lib/i18n/t';

/** Axis labels in the page's muted text color, which reads in both schemes (recharts' grey does not in dark). */
const TICK = { fill: 'var(--muted)', fontSize: 12 };

const COLORS = ['#2456d6', '#d9822b', '#2f9e66', '#b8336a', '#7a5af5', '#0f8b8d', '#c9a227', '#6b7280'];

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
            {/* The series' colors fail contrast as text (dark scheme): the legend's text is the page's. */}
            <Legend wrapperStyle={{ fontSize: 14 }} formatter={(label: string) => <span style={{ color: 'var(--fg)' }}>{label}</span>} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="spend" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
