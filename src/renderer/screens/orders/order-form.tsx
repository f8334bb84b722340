/**
 * The create-order form: checked against the contract's schema as the worker types, errors
 * under the fields they belong to. Submit is disabled while the order is being created;
 * the reference number stays the same for every retry of one order.
 */
import { useEffect } from 'react';
import { ErrorPresenter } from '../../components/error-presenter';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { type MessageKey, useT } from '../../i18n/i18n';
import { type OrderDraft, useOrderFormStore } from '../../stores/order-form-store';
import { useWarehouseStore } from '../../stores/warehouse-store';
import { OrderResult } from './order-result';
import { PiecesEditor, ProductsEditor } from './order-lines';
import { useFieldErrors } from './use-field-errors';

type Section = 'sender' | 'consignee';

/** One text field of the sender or consignee block. */
function AddressField<S extends Section>(props: {
  section: S;
  field: keyof OrderDraft[S] & string;
  label: MessageKey;
  type?: 'text' | 'email' | 'tel';
  className?: string;
  upper?: boolean;
}): React.JSX.Element {
  const t = useT();
  const errorOf = useFieldErrors();
  const block = useOrderFormStore((state) => state.draft[props.section]) as Record<string, string>;
  const change = useOrderFormStore((state) => state.change);
  const touch = useOrderFormStore((state) => state.touch);
  const path = `${props.section}.${props.field}`;
  return (
    <TextField
      label={t(props.label)}
      type={props.type}
      className={props.className}
      value={block[props.field] ?? ''}
      error={errorOf(path)}
      onBlur={() => touch(path)}
      onChange={(value) =>
        change((draft) => ({
          ...draft,
          [props.section]: {
            ...draft[props.section],
            [props.field]: props.upper ? value.toUpperCase() : value,
          },
        }))
      }
    />
  );
}

/** The Orders screen's create tab. */
export function OrderForm(): React.JSX.Element {
  const t = useT();
  const result = useOrderFormStore((state) => state.result);
  const error = useOrderFormStore((state) => state.error);
  const submitting = useOrderFormStore((state) => state.submitting);
  const attempted = useOrderFormStore((state) => state.attempted);
  const draft = useOrderFormStore((state) => state.draft);
  const submit = useOrderFormStore((state) => state.submit);
  const loadWarehouses = useWarehouseStore((state) => state.load);
  const problems = useOrderFormStore((state) => Object.keys(state.errors).length);

  useEffect(() => {
    void loadWarehouses();
  }, [loadWarehouses]);

  if (result && result.outcome !== 'not-created') return <OrderResult />;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="order-form" onSubmit={onSubmit} noValidate aria-label={t('orders.formLabel')}>
      <OrderSection />
      <AddressSections />
      <PiecesEditor />
      <ProductsEditor />
      {result?.outcome === 'not-created' && (
        <ErrorPresenter
          error={{ code: 'refused', message: result.message }}
          title={t('orders.notCreated')}
        />
      )}
      {error && <ErrorPresenter error={error} />}
      <div className="form-actions">
        {attempted && problems > 0 && (
          <span className="field-error" role="status">
            {t('orders.problems', { count: problems })}
          </span>
        )}
        <button type="submit" className="primary big" disabled={submitting} aria-busy={submitting}>
          {submitting
            ? t('orders.creating')
            : draft.confirm
              ? t('orders.createConfirm')
              : t('orders.createDraft')}
        </button>
      </div>
    </form>
  );
}

function OrderSection(): React.JSX.Element {
  const t = useT();
  const errorOf = useFieldErrors();
  const draft = useOrderFormStore((state) => state.draft);
  const change = useOrderFormStore((state) => state.change);
  const touch = useOrderFormStore((state) => state.touch);
  const warehouses = useWarehouseStore((state) => state.warehouses);
  const set = <K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) =>
    change((current) => ({ ...current, [key]: value }));

  const warehouseOptions = [
    { value: '', label: t('orders.chooseWarehouse') },
    ...warehouses.map((warehouse) => ({
      value: warehouse.id,
      label: `${warehouse.id} · ${warehouse.name}`,
    })),
  ];

  return (
    <fieldset className="form-section">
      <legend>{t('orders.order')}</legend>
      <div className="grid-3">
        <SelectField
          label={t('field.orderType')}
          value={draft.style}
          onChange={(value) => set('style', value === 'transfer' ? 'transfer' : 'warehouse')}
          options={[
            { value: 'warehouse', label: t('orders.style.warehouse') },
            { value: 'transfer', label: t('orders.style.transfer') },
          ]}
        />
        <SelectField
          label={t('field.warehouse')}
          value={draft.style === 'transfer' ? '' : draft.warehouseId}
          disabled={draft.style === 'transfer'}
          hint={draft.style === 'transfer' ? t('orders.transferNoWarehouse') : undefined}
          error={errorOf('warehouseId')}
          onBlur={() => touch('warehouseId')}
          onChange={(value) => set('warehouseId', value)}
          options={warehouseOptions}
        />
        <OrderTextField field="channelId" label="field.channel" hint="orders.channelHint" />
        <OrderTextField field="referenceNo" label="field.referenceNo" hint="orders.referenceHint" />
        <OrderTextField field="remark" label="field.remark" />
        <Checkbox
          label={t('orders.confirmNow')}
          hint={t('orders.confirmHint')}
          checked={draft.confirm}
          onChange={(checked) => set('confirm', checked)}
        />
      </div>
    </fieldset>
  );
}

type OrderTextKey = 'channelId' | 'referenceNo' | 'remark';

/** One text field of the order block; its error shows once it was left (or on submit). */
function OrderTextField(props: {
  field: OrderTextKey;
  label: MessageKey;
  hint?: MessageKey;
}): React.JSX.Element {
  const t = useT();
  const errorOf = useFieldErrors();
  const value = useOrderFormStore((state) => state.draft[props.field]);
  const change = useOrderFormStore((state) => state.change);
  const touch = useOrderFormStore((state) => state.touch);
  return (
    <TextField
      label={t(props.label)}
      value={value}
      hint={props.hint && t(props.hint)}
      error={errorOf(props.field)}
      onBlur={() => touch(props.field)}
      onChange={(next) => change((draft) => ({ ...draft, [props.field]: next }))}
    />
  );
}

/** The recipient and sender blocks. */
function AddressSections(): React.JSX.Element {
  const t = useT();
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('orders.consignee')}</legend>
        <div className="grid-3">
          <AddressField section="consignee" field="name" label="field.name" />
          <AddressField section="consignee" field="company" label="field.company" />
          <AddressField section="consignee" field="phone" label="field.phone" type="tel" />
          <AddressField
            section="consignee"
            field="address1"
            label="field.address1"
            className="span-2"
          />
          <AddressField section="consignee" field="address2" label="field.address2" />
          <AddressField section="consignee" field="city" label="field.city" />
          <AddressField section="consignee" field="state" label="field.state" />
          <AddressField section="consignee" field="zipcode" label="field.zipcode" />
          <AddressField section="consignee" field="country" label="field.country" upper />
          <AddressField
            section="consignee"
            field="email"
            label="field.email"
            type="email"
            className="span-2"
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('orders.sender')}</legend>
        <div className="grid-3">
          <AddressField section="sender" field="name" label="field.name" />
          <AddressField section="sender" field="company" label="field.company" />
          <AddressField section="sender" field="phone" label="field.phone" type="tel" />
          <AddressField section="sender" field="address" label="field.address" className="span-2" />
          <AddressField section="sender" field="email" label="field.email" type="email" />
        </div>
      </fieldset>
    </>
  );
}
