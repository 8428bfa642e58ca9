// The Restock view — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'list every plate with its estimated units left against its planogram capacity',
  'order restock alerts by urgency and let staff acknowledge them',
  'offer a restock mode, so staff handling stock is never charged to a shopper',
] as const;

export function RestockView() {
  return (
    <NotBuiltPanel
      title="Restock"
      summary="Per-plate inventory estimated from shelf weights, and the restock alerts that follow from it."
      willDo={willDo}
    />
  );
}
