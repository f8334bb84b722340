/**
 * The repeating parts of the order form: pieces (the piece count follows the rows) and
 * customs lines, each row with its own errors and a remove button.
 */
import { TextField } from '../../components/fields';
import { type MessageKey, useT } from '../../i18n/i18n';
import {
  type PieceDraft,
  type ProductDraft,
  useOrderFormStore,
} from '../../stores/order-form-store';
import { useFieldErrors } from './use-field-errors';

type LineKind = 'pieces' | 'products';
type LineDraft<K extends LineKind> = K extends 'pieces' ? PieceDraft : ProductDraft;

/** One cell of a piece or product row. */
function LineField<K extends LineKind>(props: {
  kind: K;
  index: number;
  field: keyof LineDraft<K> & string;
  label: MessageKey;
  numeric?: boolean;
}): React.JSX.Element {
  const t = useT();
  const errorOf = useFieldErrors();
  const line = useOrderFormStore((state) => state.draft[props.kind][props.index]) as
    Record<string, string> | undefined;
  const setLineField = useOrderFormStore((state) => state.setLineField);
  const touch = useOrderFormStore((state) => state.touch);
  const path = `${props.kind}.${props.index}.${props.field}`;
  return (
    <TextField
      label={t(props.label)}
      value={line?.[props.field] ?? ''}
      inputMode={props.numeric ? 'decimal' : undefined}
      error={errorOf(path)}
      onBlur={() => touch(path)}
      onChange={(value) => setLineField(props.kind, props.index, props.field, value)}
    />
  );
}

/** The pieces (boxes) of the order: weight and dimensions per row. */
export function PiecesEditor(): React.JSX.Element {
  const t = useT();
  const count = useOrderFormStore((state) => state.draft.pieces.length);
  const addPiece = useOrderFormStore((state) => state.addPiece);
  const removePiece = useOrderFormStore((state) => state.removePiece);
  return (
    <fieldset className="form-section">
      <legend>{t('orders.pieces', { count })}</legend>
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className="line-row"
          role="group"
          aria-label={t('orders.pieceN', { n: index + 1 })}
        >
          <span className="line-number">{index + 1}</span>
          <div className="line-fields">
            <LineField
              kind="pieces"
              index={index}
              field="weightKg"
              label="field.weightKg"
              numeric
            />
            <LineField
              kind="pieces"
              index={index}
              field="lengthCm"
              label="field.lengthCm"
              numeric
            />
            <LineField kind="pieces" index={index} field="widthCm" label="field.widthCm" numeric />
            <LineField
              kind="pieces"
              index={index}
              field="heightCm"
              label="field.heightCm"
              numeric
            />
          </div>
          <button
            type="button"
            className="icon-button"
            disabled={count <= 1}
            aria-label={t('orders.removePiece', { n: index + 1 })}
            onClick={() => removePiece(index)}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={addPiece}>
        {t('orders.addPiece')}
      </button>
    </fieldset>
  );
}

/** The customs lines: what is in the parcel, for the declaration. */
export function ProductsEditor(): React.JSX.Element {
  const t = useT();
  const count = useOrderFormStore((state) => state.draft.products.length);
  const addProduct = useOrderFormStore((state) => state.addProduct);
  const removeProduct = useOrderFormStore((state) => state.removeProduct);
  return (
    <fieldset className="form-section">
      <legend>{t('orders.products')}</legend>
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className="line-row product-row"
          role="group"
          aria-label={t('orders.productN', { n: index + 1 })}
        >
          <span className="line-number">{index + 1}</span>
          <div className="line-fields">
            <LineField kind="products" index={index} field="sku" label="field.sku" />
            <LineField kind="products" index={index} field="nameEn" label="field.nameEn" />
            <LineField kind="products" index={index} field="nameCn" label="field.nameCn" />
            <LineField
              kind="products"
              index={index}
              field="quantity"
              label="field.quantity"
              numeric
            />
            <LineField
              kind="products"
              index={index}
              field="unitWeightKg"
              label="field.unitWeightKg"
              numeric
            />
            <LineField
              kind="products"
              index={index}
              field="unitPriceUsd"
              label="field.unitPriceUsd"
              numeric
            />
            <LineField kind="products" index={index} field="hsCode" label="field.hsCode" />
            <LineField kind="products" index={index} field="origin" label="field.origin" />
          </div>
          <button
            type="button"
            className="icon-button"
            disabled={count <= 1}
            aria-label={t('orders.removeProduct', { n: index + 1 })}
            onClick={() => removeProduct(index)}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={addProduct}>
        {t('orders.addProduct')}
      </button>
    </fieldset>
  );
}
