/** One line of the bench's table. */
export interface TableRow {
  area: string;
  flow: string;
  measure: string;
  value: string;
  goal: string;
  ok: string;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Prints the rows as one aligned table, with a rule between areas. */
export function printTable(title: string, rows: readonly TableRow[]): void {
  const header: TableRow = { area: 'area', flow: 'flow / entry', measure: 'measure', value: 'value', goal: 'goal', ok: 'ok' };
  const columns = Object.keys(header) as (keyof TableRow)[];
  const widths = columns.map((column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: TableRow): string => columns.map((column, i) => row[column].padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const out = [title, '', line(header), rule];
  rows.forEach((row, index) => {
    if (index > 0 && rows[index - 1]?.area !== row.area) out.push(rule);
    out.push(line(row));
  });
  console.log(out.join('\n'));
}
