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

/** One column of a line: the draft field, its label, whether it takes a number. */
interface LineColumn<K extends LineKind> {
  field: keyof LineDraft<K> & string;
  label: MessageKey;
  numeric?: boolean;
}

/** The words of one kind of line: legend, row name, and the add and remove buttons. */
interface LineWords {
  legend: string;
  row: MessageKey;
  add: MessageKey;
  remove: MessageKey;
}

const PIECE_COLUMNS: LineColumn<'pieces'>[] = [
  { field: 'weightKg', label: 'field.weightKg', numeric: true },
  { field: 'lengthCm', label: 'field.lengthCm', numeric: true },
  { field: 'widthCm', label: 'field.widthCm', numeric: true },
  { field: 'heightCm', label: 'field.heightCm', numeric: true },
];

const PRODUCT_COLUMNS: LineColumn<'products'>[] = [
  { field: 'sku', label: 'field.sku' },
  { field: 'nameEn', label: 'field.nameEn' },
  { field: 'nameCn', label: 'field.nameCn' },
  { field: 'quantity', label: 'field.quantity', numeric: true },
  { field: 'unitWeightKg', label: 'field.unitWeightKg', numeric: true },
  { field: 'unitPriceUsd', label: 'field.unitPriceUsd', numeric: true },
  { field: 'hsCode', label: 'field.hsCode' },
  { field: 'origin', label: 'field.origin' },
];

interface LinesEditorProps<K extends LineKind> {
  kind: K;
  columns: LineColumn<K>[];
  words: LineWords;
  rowClass: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** Numbered rows of one kind, each with its fields and a remove button (the last one stays). */
function LinesEditor<K extends LineKind>(props: LinesEditorProps<K>): React.JSX.Element {
  const t = useT();
  const count = useOrderFormStore((state) => state.draft[props.kind].length);
  return (
    <fieldset className="form-section">
      <legend>{props.words.legend}</legend>
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className={props.rowClass}
          role="group"
          aria-label={t(props.words.row, { n: index + 1 })}
        >
          <span className="line-number">{index + 1}</span>
          <div className="line-fields">
            {props.columns.map((column) => (
              <LineField key={column.field} kind={props.kind} index={index} {...column} />
            ))}
          </div>
          <button
            type="button"
            className="icon-button"
            disabled={count <= 1}
            aria-label={t(props.words.remove, { n: index + 1 })}
            onClick={() => props.onRemove(index)}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={props.onAdd}>
        {t(props.words.add)}
      </button>
    </fieldset>
  );
}

/** The pieces (boxes) of the order: weight and dimensions per row. */
export function PiecesEditor(): React.JSX.Element {
  const t = useT();
  const count = useOrderFormStore((state) => state.draft.pieces.length);
  const addPiece = useOrderFormStore((state) => state.addPiece);
  const removePiece = useOrderFormStore((state) => state.removePiece);
  const words: LineWords = {
    legend: t('orders.pieces', { count }),
    row: 'orders.pieceN',
    add: 'orders.addPiece',
    remove: 'orders.removePiece',
  };
  return (
    <LinesEditor
      kind="pieces"
      columns={PIECE_COLUMNS}
      words={words}
      rowClass="line-row"
      onAdd={addPiece}
      onRemove={removePiece}
    />
  );
}

/** The customs lines: what is in the parcel, for the declaration. */
export function ProductsEditor(): React.JSX.Element {
  const t = useT();
  const addProduct = useOrderFormStore((state) => state.addProduct);
  const removeProduct = useOrderFormStore((state) => state.removeProduct);
  const words: LineWords = {
    legend: t('orders.products'),
    row: 'orders.productN',
    add: 'orders.addProduct',
    remove: 'orders.removeProduct',
  };
  return (
    <LinesEditor
      kind="products"
      columns={PRODUCT_COLUMNS}
      words={words}
      rowClass="line-row product-row"
      onAdd={addProduct}
      onRemove={removeProduct}
    />
  );
}
