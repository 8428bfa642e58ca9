// Which component draws each route. The one place a new feature view is plugged in.
import type { ComponentType } from 'react';
import { AnalyticsView } from '../features/analytics/AnalyticsView';
import { DevicesView } from '../features/devices/DevicesView';
import { FloorMapView } from '../features/floor-map/FloorMapView';
import { GateDisplayView } from '../features/gate-display/GateDisplayView';
import { ReplayView } from '../features/replay/ReplayView';
import { RestockView } from '../features/restock/RestockView';
import { ReviewView } from '../features/review/ReviewView';
import { SettingsView } from '../features/settings/SettingsView';
import type { RouteId } from './routes';

export const views: Record<RouteId, ComponentType> = {
  'floor-map': FloorMapView,
  replay: ReplayView,
  restock: RestockView,
  review: ReviewView,
  analytics: AnalyticsView,
  devices: DevicesView,
  settings: SettingsView,
  gate: GateDisplayView,
};
