// Line corrections: change a product or a quantity, add a line, remove units — each with a reason
// and a note, the resulting cart previewed before it is sent.
import { useState, type FormEvent } from 'react';
import type { CorrectionReason, ReviewSession } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { ReasonFields } from './ReasonFields';
import { lineEditRequest, previewCorrection, type LineEdit, type NameOf } from './review-selectors';

const edits: { id: LineEdit; label: string }[] = [
  { id: 'change-product', label: 'Change product' },
  { id: 'change-quantity', label: 'Change quantity' },
  { id: 'add-line', label: 'Add a line' },
  { id: 'remove-line', label: 'Remove units' },
];

const defaultReason: Record<LineEdit, CorrectionReason> = {
  'change-product': 'wrong-product',
  'change-quantity': 'wrong-quantity',
  'add-line': 'missed-item',
  'remove-line': 'not-taken',
};

export function CorrectionForm({ session, name }: { session: ReviewSession; name: NameOf }) {
  const correct = useAppStore((state) => state.review.correct);
  const busy = useAppStore((state) => state.review.busy);
  const [edit, setEdit] = useState<LineEdit>('change-quantity');
  const [lineSku, setLineSku] = useState(session.cart.lines[0]?.sku ?? '');
  const [productSku, setProductSku] = useState('');
  const [filter, setFilter] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState<CorrectionReason>(defaultReason['change-quantity']);
  const [note, setNote] = useState('');

  const built = lineEditRequest(session, edit, { lineSku, productSku, quantity });
  const preview = 'request' in built ? previewCorrection(session, built.request) : null;
  const needsLine = edit !== 'add-line';
  const needsProduct = edit === 'change-product' || edit === 'add-line';
  const wanted = filter.trim().toLowerCase();
  const products = session.products.filter((p) => !wanted || p.name.toLowerCase().includes(wanted) || p.sku.toLowerCase().includes(wanted)).slice(0, 200);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!('request' in built)) return;
    void correct(built.request, reason, note.trim()).then((ok) => ok && setNote(''));
  };
  return (
    <form className="panel review__form" onSubmit={submit} aria-labelledby="review-correct-title" data-testid="correction-form">
      <h3 id="review-correct-title" className="panel__subtitle">
        Correct a line
      </h3>
      <div className="review__form-row" role="radiogroup" aria-label="Kind of correction">
        {edits.map((k) => (
          <label key={k.id} className="review__radio">
            <input
              type="radio"
              name="line-edit"
              checked={edit === k.id}
              onChange={() => {
                setEdit(k.id);
                setReason(defaultReason[k.id]);
              }}
              data-testid={`edit-${k.id}`}
            />
            {k.label}
          </label>
        ))}
      </div>
      <div className="review__form-row">
        {needsLine ? (
          <select aria-label="Cart line" value={lineSku} onChange={(e) => setLineSku(e.target.value)} data-testid="edit-line">
            <option value="">— line —</option>
            {session.cart.lines.map((l) => (
              <option key={l.sku} value={l.sku}>
                {l.quantity} × {name(l.sku)}
              </option>
            ))}
          </select>
        ) : null}
        {needsProduct ? (
          <>
            <input aria-label="Find a product" placeholder="find a product" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="edit-product-filter" />
            <select aria-label="Product" value={productSku} onChange={(e) => setProductSku(e.target.value)} data-testid="edit-product">
              <option value="">— product —</option>
              {products.map((p) => (
                <option key={p.sku} value={p.sku}>
                  {p.name} ({p.sku})
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label className="review__inline">
          {edit === 'remove-line' ? 'Units to remove' : edit === 'add-line' ? 'Units' : 'New quantity'}
          <input type="number" min={1} max={999} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} data-testid="edit-quantity" />
        </label>
      </div>
      <div className="review__form-row">
        <ReasonFields idPrefix="edit" reason={reason} note={note} onReason={setReason} onNote={setNote} />
        <button type="submit" className="button button--primary" disabled={busy !== null || !preview || 'refused' in preview} data-testid="edit-apply">
          {busy === 'correct' ? 'Saving…' : 'Apply correction'}
        </button>
      </div>
      <p className="review__muted review__preview" data-testid="edit-preview">
        {'invalid' in built
          ? built.invalid
          : preview && 'refused' in preview
            ? `Not possible: ${preview.refused}`
            : `Cart after: ${preview?.cart.lines.map((l) => `${l.quantity} × ${name(l.sku)}`).join(', ') || 'empty'}`}
      </p>
    </form>
  );
}
