// The reason code and note every correction and refund carries into the audit log.
import { correctionReasonLabels, correctionReasons, type CorrectionReason } from '../../../../native-bridge/contract';

export function ReasonFields(props: { idPrefix: string; reason: CorrectionReason; note: string; onReason: (r: CorrectionReason) => void; onNote: (n: string) => void }) {
  return (
    <>
      <select aria-label="Reason" value={props.reason} onChange={(e) => props.onReason(e.target.value as CorrectionReason)} data-testid={`${props.idPrefix}-reason`}>
        {correctionReasons.map((r) => (
          <option key={r} value={r}>
            {correctionReasonLabels[r]}
          </option>
        ))}
      </select>
      <input
        aria-label="Note"
        placeholder={props.reason === 'other' ? 'note (required)' : 'note (optional)'}
        maxLength={500}
        value={props.note}
        onChange={(e) => props.onNote(e.target.value)}
        data-testid={`${props.idPrefix}-note`}
      />
    </>
  );
}
