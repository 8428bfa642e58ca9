// The middle of the gate's screen for each of its states: big words for the shopper, or for staff
// what is wrong with this screen (no such gate, no live feed, an out-of-date link) and how to fix it.
import { hrefFor } from '../../app/routes';
import { PendingPanel } from '../../ui/PendingPanel';
import type { GateScreen, GateTone } from './gate-display-selectors';

export function GateScreenBody({ screen, onRetry }: { screen: GateScreen; onRetry: () => void }) {
  switch (screen.kind) {
    case 'connecting':
      return <Words tone="offline" headline={screen.again ? 'Reconnecting…' : 'Connecting…'} />;
    case 'unauthorized':
      return (
        <Words
          tone="stop"
          headline="This screen is not connected"
          hint="Staff: open the gate display again from the address the host printed — the link this screen has is out of date."
        />
      );
    case 'pending':
      return (
        <div className="gate-screen__panel">
          <PendingPanel phase={screen.phase} what="the store’s gates" onRetry={onRetry} testId="gate-plan" />
        </div>
      );
    case 'unknown-gate':
      return <UnknownGate screen={screen} />;
    case 'no-feed':
      return <Words tone="offline" headline="Gate display not live" hint="This host runs no live feed, so no scans reach this screen. Start it with --simulate or --devices." />;
    case 'starting':
      return <Words tone="offline" headline="Starting…" hint="Waiting for the store’s live feed" />;
    case 'shopper':
      return <Words tone={screen.tone} headline={screen.words.headline} hint={screen.words.hint} />;
  }
}

function Words({ tone, headline, hint }: { tone: GateTone; headline: string; hint?: string }) {
  return (
    // Shoppers' outcomes are announced as they change; a refusal interrupts.
    <div className="gate-screen__words" role={tone === 'stop' ? 'alert' : 'status'} aria-live={tone === 'stop' ? 'assertive' : 'polite'}>
      <GateIcon tone={tone} />
      <h1 className="gate-screen__headline" data-testid="gate-headline">
        {headline}
      </h1>
      {hint ? (
        <p className="gate-screen__hint" data-testid="gate-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function UnknownGate({ screen }: { screen: Extract<GateScreen, { kind: 'unknown-gate' }> }) {
  const headline =
    screen.gateId === null ? 'Which gate is this screen at?' : screen.exit ? `“${screen.gateId}” is an exit gate` : `No entry gate “${screen.gateId}” in this store`;
  return (
    <div className="gate-screen__words" role="alert" data-testid="gate-unknown">
      <h1 className="gate-screen__headline gate-screen__headline--small" data-testid="gate-headline">
        {headline}
      </h1>
      {screen.entryGates.length > 0 ? (
        <>
          <p className="gate-screen__hint">Gate displays stand at entry gates. This store’s entry gates:</p>
          <ul className="gate-screen__gates" data-testid="gate-entry-list">
            {screen.entryGates.map((gate) => (
              <li key={gate.id}>
                <a href={hrefFor('gate', gate.id)}>
                  {gate.name} <code>{gate.id}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="gate-screen__hint">This store has no entry gates in its layout.</p>
      )}
    </div>
  );
}

/** A pictogram that says the outcome before the words are read: a code to scan, a tick, a cross, a warning. */
function GateIcon({ tone }: { tone: GateTone }) {
  if (tone === 'offline') return null;
  return (
    <svg className="gate-screen__icon" viewBox="0 0 48 48" aria-hidden="true">
      {tone === 'idle' ? (
        <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
          <path d="M6 16V6h10M32 6h10v10M42 32v10H32M16 42H6V32" />
          <path d="M14 14h7v7h-7zM27 14h7v7h-7zM14 27h7v7h-7zM27 27h3M34 27v7h-4" />
        </g>
      ) : tone === 'ok' ? (
        <path d="M10 25l9 9 19-20" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
      ) : tone === 'stop' ? (
        <path d="M13 13l22 22M35 13L13 35" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round">
          <path d="M24 5L44 41H4z" />
          <path d="M24 19v10M24 35v0.5" />
        </g>
      )}
    </svg>
  );
}
