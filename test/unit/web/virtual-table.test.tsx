// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Column, VirtualTable } from '../../../src/renderer/components/virtual-table';
import { withScrollBoxHeight } from './layout';

interface Row {
  id: number;
  name: string;
}

const columns: Column<Row>[] = [
  { id: 'id', header: 'Id', width: '80px', cell: (row) => row.id, sortable: true },
  { id: 'name', header: 'Name', width: '1fr', cell: (row) => row.name },
];

withScrollBoxHeight();
afterEach(cleanup);

describe('virtual table', () => {
  const rows = Array.from({ length: 10_000 }, (_, id) => ({ id, name: `row ${id}` }));

  it('draws only the rows in view of 10,000, and counts them all for screen readers', () => {
    render(<VirtualTable label="Results" rows={rows} columns={columns} rowKey={(row) => row.id} />);
    const table = screen.getByRole('table', { name: 'Results' });
    const drawn = within(table).getAllByRole('row');
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(60);
    expect(within(table).getByText('row 0')).toBeTruthy();
    expect(within(table).queryByText('row 9999')).toBeNull();
  });

  it('draws the rows further down after a scroll', () => {
    render(<VirtualTable label="Results" rows={rows} columns={columns} rowKey={(row) => row.id} />);
    const table = screen.getByRole('table');
    table.scrollTop = 40 * 5000;
    fireEvent.scroll(table);
    expect(within(table).getByText('row 5000')).toBeTruthy();
    expect(within(table).queryByText('row 0')).toBeNull();
  });

  it('sorts from the header of a sortable column and says which way', () => {
    const sorted: string[] = [];
    render(
      <VirtualTable
        label="Results"
        rows={rows.slice(0, 3)}
        columns={columns}
        rowKey={(row) => row.id}
        sort={{ id: 'id', descending: true }}
        onSort={(id) => sorted.push(id)}
      />,
    );
    const header = screen.getByRole('columnheader', { name: /Id/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header).getByRole('button'));
    expect(sorted).toEqual(['id']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBeNull();
  });

  it('shows the empty text when there are no rows', () => {
    render(
      <VirtualTable
        label="Results"
        rows={[]}
        columns={columns}
        rowKey={(row) => row.id}
        empty="Nothing yet"
      />,
    );
    expect(screen.getByText('Nothing yet')).toBeTruthy();
  });
});
