/**
 * A table that renders only the rows in view (@tanstack/react-virtual), so a batch of
 * 10,000 numbers scrolls as smoothly as ten. Columns may be sortable; rows may be marked.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

const HEADER_HEIGHT = 44;

/** One column: its header, its width (a CSS grid track) and how a cell shows a row. */
export interface Column<Row> {
  id: string;
  header: React.ReactNode;
  width: string;
  cell: (row: Row) => React.ReactNode;
  align?: 'start' | 'end';
  /** Set when the table sorts by this column: the header becomes a button. */
  sortable?: boolean;
}

interface VirtualTableProps<Row> {
  label: string;
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string | number;
  rowClass?: (row: Row) => string;
  rowHeight?: number;
  sort?: { id: string; descending: boolean };
  onSort?: (id: string) => void;
  empty?: React.ReactNode;
}

/** A virtualised table with ARIA table roles (rows beyond the view are counted, not drawn). */
export function VirtualTable<Row>(props: VirtualTableProps<Row>): React.JSX.Element {
  const { rows, columns, rowHeight = 40 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // This app does not use the React Compiler, so the virtualizer's unmemoisable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The sticky header row sits above the body inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
  });
  const style = {
    '--vtable-columns': columns.map((column) => column.width).join(' '),
    '--vtable-header': `${HEADER_HEIGHT}px`,
    '--vtable-min': `${minimumWidth(columns)}px`,
  } as React.CSSProperties;

  return (
    <div
      ref={scrollRef}
      className="vtable"
      role="table"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      style={style}
    >
      <div className="vtable-head" role="rowgroup">
        <div className="vtable-row" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <HeaderCell key={column.id} column={column} sort={props.sort} onSort={props.onSort} />
          ))}
        </div>
      </div>
      <div className="vtable-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Row;
          return (
            <div
              key={props.rowKey(row)}
              className={`vtable-row ${props.rowClass?.(row) ?? ''}`}
              role="row"
              aria-rowindex={item.index + 2}
              style={{
                height: rowHeight,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
              }}
            >
              {columns.map((column) => (
                <Cell key={column.id} align={column.align} content={column.cell(row)} />
              ))}
            </div>
          );
        })}
      </div>
      {rows.length === 0 && props.empty && <p className="vtable-empty">{props.empty}</p>}
    </div>
  );
}

/** The narrowest the columns may be: head and body share it, so their columns line up. */
function minimumWidth<Row>(columns: Column<Row>[]): number {
  return columns.reduce((sum, column) => sum + Number(/(\d+)px/.exec(column.width)?.[1] ?? 80), 0);
}

function Cell(props: { align?: 'start' | 'end'; content: React.ReactNode }): React.JSX.Element {
  const { content } = props;
  // Text cut off by the column shows whole on hover.
  const title =
    typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
  return (
    <div role="cell" className={`vtable-cell align-${props.align ?? 'start'}`} title={title}>
      {content}
    </div>
  );
}

interface HeaderCellProps<Row> {
  column: Column<Row>;
  sort?: { id: string; descending: boolean };
  onSort?: (id: string) => void;
}

function HeaderCell<Row>({ column, sort, onSort }: HeaderCellProps<Row>): React.JSX.Element {
  const sorted = sort?.id === column.id;
  const ariaSort = sorted ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <div
      role="columnheader"
      className={`vtable-cell align-${column.align ?? 'start'}`}
      aria-sort={column.sortable ? ariaSort : undefined}
    >
      {column.sortable && onSort ? (
        <button type="button" className="sort-button" onClick={() => onSort(column.id)}>
          {column.header}
          <span aria-hidden="true" className="sort-mark">
            {sorted ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      ) : (
        column.header
      )}
    </div>
  );
}
