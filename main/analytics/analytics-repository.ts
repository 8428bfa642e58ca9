// The analytics queries over the facts tables (schema 8), one per figure, each a sum over the
// per-day aggregates the projection keeps (sessions per hour, baskets, zone funnels, dwell seconds,
// products, heat cells): a month of a busy store is a few thousand rows per figure, never a scan
// of its sessions, visits or path points. Sessions are shoppers (and tailgaters): staff
// have none, and visits of tracks without a session are left out.
import type BetterSqlite3 from 'better-sqlite3';

export interface DayRangeQuery {
  fromDay: string;
  toDay: string;
}

export interface AnalyticsRepository {
  footfallByHour(range: DayRangeQuery): { hour: number; sessions: number; people: number }[];
  footfallByDay(range: DayRangeQuery): { day: string; sessions: number; people: number }[];
  /** Closed sessions, and those among them with at least one unit on the receipt. */
  conversion(range: DayRangeQuery): { sessions: number; purchasing: number };
  /** Per zone, sessions at each nested step of the funnel. */
  zoneFunnel(range: DayRangeQuery): { zone: string; visited: number; dwelt: number; picked: number; purchased: number }[];
  /** Shoppers' visits per zone and whole second of dwell (an hour collects everything longer). */
  dwellSeconds(range: DayRangeQuery): { zone: string; seconds: number; visits: number; totalMs: number }[];
  heat(range: DayRangeQuery): { ix: number; iy: number; seconds: number }[];
  /** Purchasing sessions per number of units bought. */
  basket(range: DayRangeQuery): { units: number; sessions: number; valueMinor: number }[];
  topProducts(range: DayRangeQuery, limit: number): { sku: string; units: number; revenueMinor: number; receipts: number }[];
  putBacks(range: DayRangeQuery): { pickedUnits: number; putBackUnits: number };
}

export function createAnalyticsRepository(db: BetterSqlite3.Database): AnalyticsRepository {
  const footfallByHour = db.prepare(
    `SELECT hour, sum(sessions) AS sessions, sum(people) AS people FROM fact_session_hours
     WHERE day BETWEEN ? AND ? GROUP BY hour HAVING sum(sessions) > 0 ORDER BY hour`,
  );
  const footfallByDay = db.prepare(
    `SELECT day, sum(sessions) AS sessions, sum(people) AS people FROM fact_session_hours
     WHERE day BETWEEN ? AND ? GROUP BY day HAVING sum(sessions) > 0 ORDER BY day`,
  );
  const conversion = db.prepare(
    `SELECT coalesce(sum(closed), 0) AS sessions, coalesce(sum(purchasing), 0) AS purchasing FROM fact_session_hours WHERE day BETWEEN ? AND ?`,
  );
  const funnel = db.prepare(
    `SELECT zone, sum(visited) AS visited, sum(dwelt) AS dwelt, sum(picked) AS picked, sum(purchased) AS purchased
     FROM fact_zone_days WHERE day BETWEEN ? AND ? GROUP BY zone`,
  );
  const dwell = db.prepare(
    `SELECT zone, seconds, sum(visits) AS visits, sum(total_ms) AS totalMs FROM fact_dwell_seconds
     WHERE day BETWEEN ? AND ? GROUP BY zone, seconds ORDER BY zone, seconds`,
  );
  const heat = db.prepare(
    `SELECT ix, iy, sum(seconds) AS seconds FROM fact_heat_cells WHERE day BETWEEN ? AND ? GROUP BY ix, iy`,
  );
  const basket = db.prepare(
    `SELECT units, sum(sessions) AS sessions, sum(value_minor) AS valueMinor FROM fact_basket_days
     WHERE day BETWEEN ? AND ? GROUP BY units ORDER BY units`,
  );
  const topProducts = db.prepare(
    `SELECT sku, sum(units) AS units, sum(revenue_minor) AS revenueMinor, sum(receipts) AS receipts FROM fact_product_days
     WHERE day BETWEEN ? AND ? GROUP BY sku ORDER BY units DESC, revenueMinor DESC, sku LIMIT ?`,
  );
  const putBacks = db.prepare(
    `SELECT coalesce(sum(picked_units), 0) AS pickedUnits, coalesce(sum(put_back_units), 0) AS putBackUnits FROM fact_session_hours
     WHERE day BETWEEN ? AND ?`,
  );
  type Rows<T> = T[];
  return {
    footfallByHour: (r) => footfallByHour.all(r.fromDay, r.toDay) as Rows<{ hour: number; sessions: number; people: number }>,
    footfallByDay: (r) => footfallByDay.all(r.fromDay, r.toDay) as Rows<{ day: string; sessions: number; people: number }>,
    conversion: (r) => conversion.get(r.fromDay, r.toDay) as { sessions: number; purchasing: number },
    zoneFunnel: (r) => funnel.all(r.fromDay, r.toDay) as Rows<{ zone: string; visited: number; dwelt: number; picked: number; purchased: number }>,
    dwellSeconds: (r) => dwell.all(r.fromDay, r.toDay) as Rows<{ zone: string; seconds: number; visits: number; totalMs: number }>,
    heat: (r) => heat.all(r.fromDay, r.toDay) as Rows<{ ix: number; iy: number; seconds: number }>,
    basket: (r) => basket.all(r.fromDay, r.toDay) as Rows<{ units: number; sessions: number; valueMinor: number }>,
    topProducts: (r, limit) => topProducts.all(r.fromDay, r.toDay, limit) as Rows<{ sku: string; units: number; revenueMinor: number; receipts: number }>,
    putBacks: (r) => putBacks.get(r.fromDay, r.toDay) as { pickedUnits: number; putBackUnits: number },
  };
}
