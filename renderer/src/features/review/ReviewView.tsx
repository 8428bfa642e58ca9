// The Review view — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'list flagged sessions with the reasons they were flagged',
  'let a reviewer reassign a shelf event to another session, change a product or quantity, or add and remove lines, each with a reason code',
  'approve a corrected cart, and refund after charge',
  'audit every action',
] as const;

export function ReviewView() {
  return (
    <NotBuiltPanel
      title="Review"
      summary="The queue of flagged sessions and the tools to correct a cart before or after it is charged."
      willDo={willDo}
    />
  );
}
