// What the Analytics view calls: the report over a day range, built from the facts in the store's
// database (the live pipeline keeps them current).
import type { AnalyticsReport, DayRange } from '../../native-bridge/contract/analytics';
import type { StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';
import { buildAnalyticsReport } from './report';

export interface AnalyticsService {
  report(range: DayRange): AnalyticsReport;
}

export function createAnalyticsService(deps: { store: StoreModel; db: StoreDatabase }): AnalyticsService {
  return { report: (range) => buildAnalyticsReport(deps.store, deps.db, range) };
}
