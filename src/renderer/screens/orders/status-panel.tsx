/**
 * Order status for many numbers at once, the MegaWMS status codes named in the worker's
 * language next to MegaWMS's own status text.
 */
import { ErrorPresenter } from '../../components/error-presenter';
import { NumbersLookup } from '../../components/numbers-lookup';
import { type Column, VirtualTable } from '../../components/virtual-table';
import { type Translate, useI18nStore, useT } from '../../i18n/i18n';
import { failureTitleKey, orderStatusKey } from '../../i18n/names';
import { formatAge, formatShortTime } from '../../lib/time';
import type { Language, LookupRow, OrderView } from '../../../shared/contract';
import { useOrderStatusStore } from '../../stores/order-status-store';

/** One line of the status table: an order found for a number, or the number's failure. */
interface StatusLine {
  key: string;
  query: string;
  order: OrderView | null;
  row: LookupRow;
}

function linesOf(rows: LookupRow[]): StatusLine[] {
  return rows.flatMap((row, index): StatusLine[] =>
    row.orders.length === 0
      ? [{ key: `${index}`, query: row.query, order: null, row }]
      : row.orders.map((order) => ({
          key: `${index}-${order.orderNo}`,
          query: row.query,
          order,
          row,
        })),
  );
}

/** MegaWMS's status named in the worker's words, its own text beside; or why not found. */
function StatusCell({ line }: { line: StatusLine }): React.JSX.Element {
  const t = useT();
  if (!line.order) {
    const failure = line.row.failure;
    // The headline only: the cell is narrow, and MegaWMS's words show on hover.
    return (
      <span className="bad" title={failure?.message}>
        {t(failureTitleKey(failure?.code ?? 'unexpected'))}
      </span>
    );
  }
  const key = orderStatusKey(line.order.statusCode);
  return (
    <span>
      <strong>
        {key ? t(key) : t('status.unknownCode', { code: line.order.statusCode ?? '—' })}
      </strong>{' '}
      <span lang="zh-CN">{line.order.statusText}</span>
    </span>
  );
}

/** The table's columns, in the worker's language. */
function statusColumns(t: Translate, language: Language): Column<StatusLine>[] {
  return [
    { id: 'query', width: '175px', header: t('field.number'), cell: (line) => line.query },
    {
      id: 'order',
      width: '160px',
      header: t('field.orderNo'),
      cell: (line) => line.order?.orderNo ?? '',
    },
    {
      id: 'tracking',
      width: '175px',
      header: t('field.trackingNumber'),
      cell: (line) => line.order?.trackingNumber ?? '',
    },
    {
      id: 'status',
      width: 'minmax(140px, 1fr)',
      header: t('field.status'),
      cell: (line) => <StatusCell line={line} />,
    },
    {
      id: 'consignee',
      width: 'minmax(130px, 1fr)',
      header: t('field.consignee'),
      cell: (line) =>
        line.order
          ? [line.order.consigneeName, line.order.country].filter(Boolean).join(' · ')
          : '',
    },
    {
      id: 'shipped',
      width: '130px',
      header: t('field.shipped'),
      cell: (line) =>
        line.order?.shippedAt ? formatShortTime(line.order.shippedAt, language) : '',
    },
    {
      id: 'age',
      width: '90px',
      header: t('field.checked'),
      cell: (line) => {
        if (!line.order) return '';
        const age = formatAge(line.order.fetchedAt, t);
        return line.row.offline ? `${age} · ${t('offline.badge')}` : age;
      },
    },
  ];
}

/** The Orders screen's status tab. */
export function StatusPanel(): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const text = useOrderStatusStore((state) => state.text);
  const rows = useOrderStatusStore((state) => state.rows);
  const loading = useOrderStatusStore((state) => state.loading);
  const error = useOrderStatusStore((state) => state.error);
  const setText = useOrderStatusStore((state) => state.setText);
  const lookup = useOrderStatusStore((state) => state.lookup);

  return (
    <div className="panel fill">
      <NumbersLookup
        label={t('status.numbersLabel')}
        lookupLabel={t('status.lookup')}
        value={text}
        loading={loading}
        onChange={setText}
        onLookup={(refresh) => void lookup(refresh)}
      />
      {error && <ErrorPresenter error={error} />}
      <VirtualTable
        label={t('status.tableLabel')}
        rows={linesOf(rows)}
        columns={statusColumns(t, language)}
        rowKey={(line) => line.key}
        empty={t('status.empty')}
      />
    </div>
  );
}
