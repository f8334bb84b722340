/**
 * Orders: create an order, cancel one by tracking number, look up the status of many.
 * Three tabs, one task each.
 */
import { useState } from 'react';
import { type MessageKey, useT } from '../i18n/i18n';
import { CancelPanel } from './orders/cancel-panel';
import { OrderForm } from './orders/order-form';
import { StatusPanel } from './orders/status-panel';

const TABS = ['create', 'cancel', 'status'] as const;
type Tab = (typeof TABS)[number];

const TAB_KEY: Record<Tab, MessageKey> = {
  create: 'orders.tab.create',
  cancel: 'orders.tab.cancel',
  status: 'orders.tab.status',
};

/** The Orders screen. */
export function OrdersScreen(): React.JSX.Element {
  const t = useT();
  const [tab, setTab] = useState<Tab>('create');

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(tab) + step) % TABS.length] ?? 'create';
    setTab(next);
    document.getElementById(`orders-tab-${next}`)?.focus();
  };

  return (
    <div className="screen orders-screen">
      <h1>{t('nav.orders')}</h1>
      <div className="tabs" role="tablist" aria-label={t('nav.orders')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`orders-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`orders-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(TAB_KEY[id])}
          </button>
        ))}
      </div>
      <div
        id={`orders-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`orders-tab-${tab}`}
        className="tab-panel"
      >
        {tab === 'create' && <OrderForm />}
        {tab === 'cancel' && <CancelPanel />}
        {tab === 'status' && <StatusPanel />}
      </div>
    </div>
  );
}
