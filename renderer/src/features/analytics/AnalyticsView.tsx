// The Analytics page: a date range of the store's calendar, then its footfall, conversion, zone
// funnel, dwell per zone, heatmap, baskets, top products and put-back rate, each with the
// definition it is computed by; and the exports (CSV, Parquet, PDF report). Loading, empty (with a
// way to the days that hold data) and error states say what is happening.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AnalyticsReport } from '../../../../native-bridge/contract';
import {
  analyticsDefinitions as defs,
  basketOption,
  dwellOption,
  footfallByDayOption,
  footfallByHourOption,
  formatMoney,
  heatmapAspect,
  heatmapOption,
  zoneFunnelOption,
} from '../../../../native-bridge/contract/analytics-charts';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { StatePanel } from '../../ui/StatePanel';
import { dayCount, funnelRates, lastDays, rangeWithData, selectAnalyticsPhase, selectKpis } from './analytics-selectors';
import { LazyEChart } from './LazyEChart';
import { ExportPanel } from './ExportPanel';
import './analytics.css';

function RangeForm() {
  const draft = useAppStore((s) => s.analytics.draft);
  const setDraft = useAppStore((s) => s.analytics.setDraft);
  const apply = useAppStore((s) => s.analytics.apply);
  const showRange = useAppStore((s) => s.analytics.showRange);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void apply().then(setProblem);
  };
  const preset = (days: number) => {
    setProblem(null);
    void showRange(lastDays(new Date(), days));
  };
  return (
    <form className="analytics__range" onSubmit={submit} aria-label="Date range">
      <label>
        From <input type="date" value={draft.from} onChange={(e) => setDraft({ from: e.target.value })} data-testid="range-from" required />
      </label>
      <label>
        to <input type="date" value={draft.to} onChange={(e) => setDraft({ to: e.target.value })} data-testid="range-to" required />
      </label>
      <button type="submit" className="button button--primary" data-testid="range-apply">
        Show
      </button>
      <button type="button" className="button" onClick={() => preset(7)}>
        Last 7 days
      </button>
      <button type="button" className="button" onClick={() => preset(30)}>
        Last 30 days
      </button>
      {problem ? (
        <span className="analytics__error" role="alert" data-testid="range-problem">
          {problem}
        </span>
      ) : null}
    </form>
  );
}

function Figure({ title, definition, children, testId }: { title: string; definition: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="panel analytics__figure" aria-label={title} data-testid={testId}>
      {children}
      <p className="analytics__definition">{definition}</p>
    </section>
  );
}

function Kpis({ report }: { report: AnalyticsReport }) {
  return (
    <div className="analytics__kpis">
      {selectKpis(report).map((k) => (
        <section key={k.id} className="panel analytics__kpi" data-testid={`kpi-${k.id}`} aria-label={k.label}>
          <p className="analytics__kpi-label">{k.label}</p>
          <p className="analytics__kpi-value">{k.value}</p>
          <p className="analytics__kpi-detail">{k.detail}</p>
          <p className="analytics__definition">{k.definition}</p>
        </section>
      ))}
    </div>
  );
}

function FunnelTable({ report }: { report: AnalyticsReport }) {
  return (
    <table className="analytics__table" data-testid="funnel-table">
      <thead>
        <tr>
          <th>Zone</th>
          <th>Visited</th>
          <th>Dwelt 5 s+</th>
          <th>Picked</th>
          <th>Purchased</th>
        </tr>
      </thead>
      <tbody>
        {report.funnel.map((z) => {
          const r = funnelRates(z);
          return (
            <tr key={z.zone}>
              <td>{z.name}</td>
              <td>{z.visited}</td>
              <td>
                {z.dwelt} <span className="analytics__muted">{r.dwelt}</span>
              </td>
              <td>
                {z.picked} <span className="analytics__muted">{r.picked}</span>
              </td>
              <td>
                {z.purchased} <span className="analytics__muted">{r.purchased}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TopProducts({ report }: { report: AnalyticsReport }) {
  return (
    <table className="analytics__table" data-testid="top-products">
      <thead>
        <tr>
          <th>Product</th>
          <th>Category</th>
          <th>Units</th>
          <th>Revenue</th>
          <th>Receipts</th>
        </tr>
      </thead>
      <tbody>
        {report.topProducts.map((p) => (
          <tr key={p.sku}>
            <td>{p.name}</td>
            <td>{p.category}</td>
            <td>{p.units}</td>
            <td>{formatMoney(p.revenueMinor, report.store.currency)}</td>
            <td>{p.receipts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Report({ report }: { report: AnalyticsReport }) {
  const options = useMemo(
    () => ({
      byHour: footfallByHourOption(report),
      byDay: footfallByDayOption(report),
      funnel: zoneFunnelOption(report),
      dwell: dwellOption(report),
      heat: heatmapOption(report),
      basket: basketOption(report),
    }),
    [report],
  );
  return (
    <div className="analytics__report" data-testid="analytics-report">
      <Kpis report={report} />
      <div className="analytics__grid">
        <Figure title="Footfall by hour" definition={defs.footfall} testId="figure-footfall-hour">
          <LazyEChart option={options.byHour} height={260} label="Sessions and people entering per hour of day" />
        </Figure>
        <Figure title="Footfall by day" definition={defs.footfall} testId="figure-footfall-day">
          <LazyEChart option={options.byDay} height={260} label="Sessions per day" />
        </Figure>
        <Figure title="Zone funnel" definition={defs.funnel} testId="figure-funnel">
          <LazyEChart option={options.funnel} height={Math.max(240, 60 + 22 * report.funnel.length)} label="Sessions at each step of each zone's funnel" />
          <FunnelTable report={report} />
        </Figure>
        <Figure title="Dwell per zone" definition={defs.dwell} testId="figure-dwell">
          <LazyEChart option={options.dwell} height={Math.max(240, 60 + 20 * report.dwell.zones.length)} label="Distribution of dwell time per visit, per zone" />
        </Figure>
        <Figure title="Heatmap" definition={defs.heatmap} testId="figure-heatmap">
          <LazyEChart option={options.heat} height={Math.round(520 / heatmapAspect(report)) + 40} label="Time shoppers spent on each part of the floor" testId="heatmap" />
        </Figure>
        <Figure title="Basket size" definition={defs.basket} testId="figure-basket">
          <LazyEChart option={options.basket} height={240} label="Purchasing sessions by units bought" />
        </Figure>
        <Figure title="Top products" definition={defs.topProducts} testId="figure-products">
          <h3 className="analytics__figure-title">Top products</h3>
          <TopProducts report={report} />
        </Figure>
      </div>
      <ExportPanel />
    </div>
  );
}

export function AnalyticsView() {
  const api = useAppStoreApi();
  const connection = useAppStore((s) => s.shell.connection);
  const report = useAppStore((s) => s.analytics.report);
  const range = useAppStore((s) => s.analytics.range);
  const load = useAppStore((s) => s.analytics.load);
  const showRange = useAppStore((s) => s.analytics.showRange);
  const phase = selectAnalyticsPhase({ report }, connection);

  useEffect(() => {
    if (connection === 'open' && api.getState().analytics.report.status === 'idle') void load();
  }, [api, connection, load]);

  return (
    <section className="page page--analytics" aria-labelledby="page-title">
      <header className="page__header analytics__header">
        <h1 id="page-title" className="page__title">
          Analytics
        </h1>
        <p className="analytics__muted" data-testid="analytics-range">
          {range.from} to {range.to} · {dayCount(range) === 1 ? "1 day" : `${dayCount(range)} days`}{report.status === 'ready' ? ` · ${report.data.store.name} (${report.data.store.timezone})` : ''}
        </p>
        <RangeForm />
      </header>
      {phase.kind === 'waiting' || phase.kind === 'loading' || phase.kind === 'error' ? (
        <PendingPanel phase={phase} what="the analytics" onRetry={() => void load()} testId="analytics" />
      ) : null}
      {phase.kind === 'empty' ? (
        <StatePanel
          tone="info"
          title="No shopping sessions in this range"
          testId="analytics-empty"
          action={
            rangeWithData(phase.report) ? (
              <button type="button" className="button button--primary" onClick={() => void showRange(rangeWithData(phase.report)!)} data-testid="analytics-show-data">
                Show {rangeWithData(phase.report)!.from} to {rangeWithData(phase.report)!.to}
              </button>
            ) : undefined
          }
        >
          {phase.report.dataBounds ? (
            <p>
              Sessions are recorded from {phase.report.dataBounds.from} to {phase.report.dataBounds.to}.
            </p>
          ) : (
            <p>No session has been recorded yet. Figures appear as shoppers come and go (on the simulator or live devices).</p>
          )}
        </StatePanel>
      ) : null}
      {phase.kind === 'ready' ? <Report report={phase.report} /> : null}
    </section>
  );
}
