import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ComponentProps, ReactNode } from 'react';

const useStyles = makeStyles({
  numeric: { textAlign: 'end' },
  numericHeader: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
});

export interface Column<Row> {
  title: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up at the end, in the header and in every row. */
  numeric?: boolean;
  /** A class for the header cell (the column's width). */
  headerClassName?: string;
  /** A class for the row's cell (dimmed text where there is no number). */
  cellClassName?: (row: Row) => string | undefined;
}

type Props<Row> = Omit<ComponentProps<typeof Table>, 'children'> & {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** `data-` attributes of a row (its status). */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
};

/** A table with a header row of titles and a row per item, one cell a column. */
export function DataTable<Row>({ columns, rows, rowKey, rowData, ...table }: Props<Row>) {
  const styles = useStyles();
  return (
    <Table {...table}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell
              key={c.title}
              className={mergeClasses(c.numeric && styles.numericHeader, c.headerClassName)}
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
                className={mergeClasses(c.numeric && styles.numeric, c.cellClassName?.(row))}
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
