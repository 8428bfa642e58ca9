// Recomputes the audit log's hash chain on the host and says whether it is intact — the same
// check as `walkout audit verify`.
import { useAppStore } from '../../state/StoreContext';

export function AuditCheck() {
  const audit = useAppStore((state) => state.review.audit);
  const verify = useAppStore((state) => state.review.verifyAudit);
  return (
    <div className="audit-check">
      <button type="button" className="button" onClick={() => void verify()} disabled={audit.status === 'loading'} data-testid="audit-verify">
        {audit.status === 'loading' ? 'Checking the audit log…' : 'Check the audit log'}
      </button>
      {audit.status === 'ready' ? (
        <span className={audit.data.ok ? 'audit-check__ok' : 'audit-check__broken'} role="status" data-testid="audit-result">
          {audit.data.ok ? `Intact: ${audit.data.entries} entries, each chained to the one before` : `Broken at entry ${audit.data.brokenAt}: ${audit.data.reason}`}
        </span>
      ) : null}
      {audit.status === 'error' ? (
        <span className="audit-check__broken" role="alert">
          {audit.error.message}
        </span>
      ) : null}
    </div>
  );
}
