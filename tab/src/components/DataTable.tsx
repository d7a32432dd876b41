import {
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ComponentProps, ReactNode } from 'react';
import { useLayoutStyles } from '../layout-styles';

export interface Column<Row> {
  title: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up at the end, in the header and in every row. */
  numeric?: boolean;
  /** The column's share of the table's width, e.g. '28%'; the others share the rest. */
  width?: string;
  /** A class for the row's cell (dimmed text where there is no number). */
  cellClassName?: (row: Row) => string | undefined;
}

type Props<Row> = Omit<ComponentProps<typeof Table>, 'children'> & {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** `data-` attributes of a row (its status). */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** Narrower than this, the table scrolls sideways in its container instead of squeezing. */
  minWidth?: string;
};

/** A table with a header row of titles and a row per item, one cell a column. */
export function DataTable<Row>({ columns, rows, rowKey, rowData, minWidth, ...table }: Props<Row>) {
  const layout = useLayoutStyles();
  return (
    <Table {...table} style={minWidth ? { minWidth } : undefined}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell
              key={c.title}
              className={c.numeric ? layout.numericHeader : undefined}
              style={c.width ? { width: c.width } : undefined}
            >
              {c.title}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} {...rowData?.(row)}>
            {columns.map((c) => (
              <TableCell
                key={c.title}
                className={mergeClasses(c.numeric && layout.numeric, c.cellClassName?.(row))}
              >
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
