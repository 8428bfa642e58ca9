// Schema 8: facts — the engine's decisions projected into rows that analytics, exports, replay and
// review query (main/facts). Sessions are keyed by (engine run, engine session id) because every
// engine run numbers its sessions and tracks from 1. Each row carries its store-local day (and hour)
// so date ranges are index ranges. Heat is pre-aggregated per day and floor cell: a month of paths
// is tens of millions of points, a month of heat a few thousand rows.
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: 'facts',
  up(db) {
    db.exec(`
      CREATE TABLE fact_runs (
        id         INTEGER PRIMARY KEY,
        source     TEXT NOT NULL CHECK (source IN ('live', 'replay', 'bench')),
        started_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE fact_sessions (
        id             INTEGER PRIMARY KEY,
        run_id         INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        session_id     TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('shopper', 'anonymous')),
        account        TEXT,
        token_nonce    TEXT,
        gate           TEXT,
        group_size     INTEGER NOT NULL CHECK (group_size >= 1),
        people         INTEGER NOT NULL CHECK (people >= 0),
        entered_ms     INTEGER NOT NULL,
        exited_ms      INTEGER,
        closed_ms      INTEGER,
        day            TEXT NOT NULL,
        hour           INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        state          TEXT NOT NULL CHECK (state IN ('open', 'charged', 'held-for-review')),
        flagged        INTEGER NOT NULL CHECK (flagged IN (0, 1)),
        reasons        TEXT NOT NULL CHECK (json_valid(reasons)),
        units          INTEGER NOT NULL,
        value_minor    INTEGER NOT NULL,
        picked_units   INTEGER NOT NULL,
        put_back_units INTEGER NOT NULL,
        UNIQUE (run_id, session_id)
      ) STRICT;
      CREATE INDEX fact_sessions_by_day ON fact_sessions (day, entered_ms);
      CREATE INDEX fact_sessions_by_entered ON fact_sessions (entered_ms);
      CREATE INDEX fact_sessions_by_account ON fact_sessions (account) WHERE account IS NOT NULL;

      CREATE TABLE fact_session_tracks (
        session  INTEGER NOT NULL REFERENCES fact_sessions (id) ON DELETE CASCADE,
        run_id   INTEGER NOT NULL,
        track_id INTEGER NOT NULL,
        via      TEXT NOT NULL CHECK (via IN ('admission', 'tailgating', 'rebind')),
        t_ms     INTEGER NOT NULL,
        PRIMARY KEY (session, track_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_session_tracks_by_track ON fact_session_tracks (run_id, track_id);

      CREATE TABLE fact_session_lines (
        session          INTEGER NOT NULL REFERENCES fact_sessions (id) ON DELETE CASCADE,
        sku              TEXT NOT NULL,
        day              TEXT NOT NULL,
        quantity         INTEGER NOT NULL,
        confidence       REAL NOT NULL,
        unit_price_minor INTEGER,
        PRIMARY KEY (session, sku)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_session_lines_by_day ON fact_session_lines (day, session);
      CREATE INDEX fact_session_lines_by_sku ON fact_session_lines (sku, session);

      CREATE TABLE fact_shelf_events (
        id                      INTEGER PRIMARY KEY,
        run_id                  INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        event_id                TEXT NOT NULL,
        session                 INTEGER REFERENCES fact_sessions (id) ON DELETE CASCADE,
        start_ms                INTEGER NOT NULL,
        end_ms                  INTEGER NOT NULL,
        day                     TEXT NOT NULL,
        hour                    INTEGER NOT NULL,
        fixture                 TEXT NOT NULL,
        shelf                   TEXT NOT NULL,
        plates                  TEXT NOT NULL CHECK (json_valid(plates)),
        zone                    TEXT,
        delta_grams             REAL NOT NULL,
        sku                     TEXT,
        quantity                INTEGER NOT NULL,
        probability             REAL,
        attribution             TEXT NOT NULL CHECK (attribution IN ('session', 'nobody', 'restock', 'unattributed')),
        attribution_probability REAL,
        UNIQUE (run_id, event_id)
      ) STRICT;
      CREATE INDEX fact_shelf_events_by_day ON fact_shelf_events (day, attribution, quantity);
      CREATE INDEX fact_shelf_events_by_session ON fact_shelf_events (session) WHERE session IS NOT NULL;

      CREATE TABLE fact_zone_visits (
        id         INTEGER PRIMARY KEY,
        run_id     INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        session    INTEGER REFERENCES fact_sessions (id) ON DELETE CASCADE,
        track_id   INTEGER NOT NULL,
        zone       TEXT NOT NULL,
        entered_ms INTEGER NOT NULL,
        exited_ms  INTEGER NOT NULL,
        dwell_ms   INTEGER NOT NULL CHECK (dwell_ms >= 0),
        day        TEXT NOT NULL,
        hour       INTEGER NOT NULL
      ) STRICT;
      -- Covering for the dwell distribution: shoppers' visits only (staff and unbound tracks excluded).
      CREATE INDEX fact_zone_visits_by_day ON fact_zone_visits (day, zone, dwell_ms) WHERE session IS NOT NULL;
      CREATE INDEX fact_zone_visits_by_session ON fact_zone_visits (session);
      CREATE INDEX fact_zone_visits_by_run ON fact_zone_visits (run_id);

      -- Pre-aggregated per day (and run, so a reset run is removed whole): a month of a busy store
      -- is over a million visits and receipt lines, and every figure must answer in milliseconds.
      -- Per store-local hour: sessions and people as they come in; closed, purchasing, picked and
      -- put-back units of those sessions as they leave (footfall, conversion, put-back rate).
      CREATE TABLE fact_session_hours (
        day            TEXT NOT NULL,
        run_id         INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        hour           INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        sessions       INTEGER NOT NULL,
        people         INTEGER NOT NULL,
        closed         INTEGER NOT NULL,
        purchasing     INTEGER NOT NULL,
        picked_units   INTEGER NOT NULL,
        put_back_units INTEGER NOT NULL,
        PRIMARY KEY (day, run_id, hour)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_session_hours_by_run ON fact_session_hours (run_id);

      -- Purchasing sessions per number of units bought, with their value (basket size).
      CREATE TABLE fact_basket_days (
        day         TEXT NOT NULL,
        run_id      INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        units       INTEGER NOT NULL,
        sessions    INTEGER NOT NULL,
        value_minor INTEGER NOT NULL,
        PRIMARY KEY (day, run_id, units)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_basket_days_by_run ON fact_basket_days (run_id);

      CREATE TABLE fact_zone_days (
        day       TEXT NOT NULL,
        run_id    INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        zone      TEXT NOT NULL,
        visited   INTEGER NOT NULL,
        dwelt     INTEGER NOT NULL,
        picked    INTEGER NOT NULL,
        purchased INTEGER NOT NULL,
        PRIMARY KEY (day, run_id, zone)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_zone_days_by_run ON fact_zone_days (run_id);

      CREATE TABLE fact_product_days (
        day           TEXT NOT NULL,
        run_id        INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        sku           TEXT NOT NULL,
        units         INTEGER NOT NULL,
        revenue_minor INTEGER NOT NULL,
        receipts      INTEGER NOT NULL,
        PRIMARY KEY (day, run_id, sku)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_product_days_by_run ON fact_product_days (run_id);

      CREATE TABLE fact_dwell_seconds (
        day      TEXT NOT NULL,
        run_id   INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        zone     TEXT NOT NULL,
        seconds  INTEGER NOT NULL,
        visits   INTEGER NOT NULL,
        total_ms INTEGER NOT NULL,
        PRIMARY KEY (day, run_id, zone, seconds)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_dwell_seconds_by_run ON fact_dwell_seconds (run_id);

      CREATE TABLE fact_track_paths (
        id       INTEGER PRIMARY KEY,
        run_id   INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        track_id INTEGER NOT NULL,
        t0_ms    INTEGER NOT NULL,
        t1_ms    INTEGER NOT NULL,
        day      TEXT NOT NULL,
        count    INTEGER NOT NULL CHECK (count > 0),
        points   BLOB NOT NULL CHECK (length(points) = 12 * count)
      ) STRICT;
      CREATE INDEX fact_track_paths_by_track ON fact_track_paths (run_id, track_id, t0_ms);
      CREATE INDEX fact_track_paths_by_time ON fact_track_paths (t0_ms);

      -- Per run as well as per day: a live run resumed after a crash is projected again from its
      -- start, so its facts (heat included) are deleted and rebuilt, never added twice.
      CREATE TABLE fact_heat_cells (
        day     TEXT NOT NULL,
        run_id  INTEGER NOT NULL REFERENCES fact_runs (id) ON DELETE CASCADE,
        ix      INTEGER NOT NULL,
        iy      INTEGER NOT NULL,
        seconds REAL NOT NULL,
        PRIMARY KEY (day, run_id, ix, iy)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_heat_cells_by_run ON fact_heat_cells (run_id);
    `);
  },
};
