// The screen at an entry gate (`#/gate/<gateId>`, full screen in a kiosk browser): "scan your code"
// while the gate waits, then for a few seconds what happened to the code — welcome, or why not — or
// a warning when someone walked in without one. It reads the same live stream as the floor map,
// keeps only its gate's events and shows nothing that names a shopper.
import { useEffect } from 'react';
import { useHashParam } from '../../app/useHashRoute';
import { dataOf } from '../../state/load-state';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { GateScreenBody } from './GateScreenBody';
import { selectGateScreen, screenTone, type GateScreen } from './gate-display-selectors';
import { OUTCOME_SHOWN_MS } from './gate-outcomes';
import './gate-display.css';

/** What the screen is doing, for tests and styling: the outcome while one shows, else the screen's kind. */
function screenState(screen: GateScreen): string {
  return screen.kind === 'shopper' ? (screen.outcome?.kind ?? 'idle') : screen.kind;
}

export function GateDisplayView() {
  const api = useAppStoreApi();
  const gateId = useHashParam();
  const connection = useAppStore((state) => state.shell.connection);
  const storeName = useAppStore((state) => dataOf(state.shell.system)?.store.name);
  const plan = useAppStore((state) => state.floorMap.plan);
  const loadPlan = useAppStore((state) => state.floorMap.load);
  const source = useAppStore((state) => state.gateDisplay.source);
  const showing = useAppStore((state) => state.gateDisplay.showing);

  useEffect(() => {
    // The live status, not the render's copy: StrictMode runs this twice and the second run must see the first's load.
    if (connection === 'open' && api.getState().floorMap.plan.status === 'idle') void loadPlan();
  }, [api, connection, loadPlan]);

  useEffect(() => (gateId === null ? undefined : api.getState().gateDisplay.attach(gateId)), [api, gateId]);

  const screen = selectGateScreen({ display: { source, showing }, gateId, plan, connection });
  const gateName = 'gate' in screen ? screen.gate.name : null;
  const outcome = screen.kind === 'shopper' ? screen.outcome : null;
  return (
    <main className={`gate-screen gate-screen--${screenTone(screen)}`} data-testid="gate-screen" data-state={screenState(screen)}>
      <header className="gate-screen__band">
        <span className="gate-screen__store" data-testid="gate-store-name">
          {storeName ?? 'Walkout'}
        </span>
        {gateName ? <span className="gate-screen__gate">{gateName}</span> : null}
      </header>
      <div className="gate-screen__body">
        <GateScreenBody screen={screen} onRetry={() => void loadPlan()} />
      </div>
      {/* How long until the gate asks for the next code; keyed so each outcome starts it afresh. */}
      {outcome ? (
        <div className="gate-screen__timer" aria-hidden="true">
          <span key={outcome.seq} style={{ animationDuration: `${OUTCOME_SHOWN_MS[outcome.kind]}ms` }} />
        </div>
      ) : null}
    </main>
  );
}
