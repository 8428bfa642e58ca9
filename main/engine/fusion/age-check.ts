// Staff checked a shopper's ID on the floor ("ID checked" on the floor map): the session's
// age-restricted lines then need no review at exit (charging.ts closeSession). A check for a session
// that is unknown or already has its receipt changes nothing; the decision says so, so a replay
// shows why a receipt was held all the same. Only the input's own time is used.
import type { AgeCheckAction } from '../inputs';
import type { DecisionSink } from '../stage';
import type { FusionContext } from './context';

export function onAgeCheck(ctx: FusionContext, action: AgeCheckAction, emit: DecisionSink): void {
  const { t, actor, sessionId } = action;
  const session = ctx.openSession(sessionId);
  if (!session) {
    emit({ kind: 'age-check', t, sessionId, actor, outcome: ctx.sessions.has(sessionId) ? 'closed-session' : 'unknown-session' });
    return;
  }
  session.ageCheck ??= { by: actor, t };
  emit({ kind: 'age-check', t, sessionId, actor, outcome: 'applied' });
}
