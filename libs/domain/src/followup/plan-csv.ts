import type { Locale } from '@majlis/config';
import { type LocalizedText, message, resolveText } from '@majlis/language';
import type { ActionItem } from './action-item.entity';
import { isOverdue } from './roll-up';

/** What the export reads of one item: the item with its owner city and assignee, and its latest report. */
export interface PlanCsvItem {
  item: Pick<
    ActionItem,
    'id' | 'parentId' | 'kind' | 'title' | 'startDate' | 'dueDate' | 'weight' | 'progress' | 'state' | 'blockedReason'
  > & {
    ownerCity?: { name: LocalizedText };
    assignee?: { name: LocalizedText } | null;
  };
  latestReport: { reportedAt: Date; note: string | null } | null;
}

/** The columns, in order, named as in the catalogue (`csv:planItems.header.<column>`). */
const COLUMNS = [
  'number',
  'kind',
  'title',
  'ownerCity',
  'assignee',
  'startDate',
  'dueDate',
  'weight',
  'progress',
  'state',
  'overdue',
  'blockedReason',
  'lastReportDate',
  'lastReportNote',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

// A spreadsheet runs a cell that starts like a formula; a leading apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused if it could start a formula, then quoted as RFC 4180 says when it must be. */
function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',') + CRLF;

/**
 * A plan's items as a CSV file for spreadsheets: UTF-8 with a byte order mark (so Excel reads Arabic),
 * CRLF line ends, a header row and the words of its values in `locale` (from the catalogue, `csv`), one row per item numbered 1, 1.1, 1.2, 2 … by its place in
 * the tree. `items` come in reading order, parents before their children; `today` is YYYY-MM-DD.
 */
export function planItemsCsv(items: readonly PlanCsvItem[], locale: Locale, today: string): string {
  const word = (key: string): string => message(locale, `csv:planItems.${key}`);
  const text = (value: LocalizedText | undefined | null): string =>
    value === undefined || value === null ? '' : resolveText(value, locale).text;
  const numbers = new Map<string, string>();
  const childCount = new Map<string | null, number>();
  const rows = items.map(({ item, latestReport }) => {
    // An item whose parent is not in the list counts as a top-level one.
    const parent = item.parentId !== null && numbers.has(item.parentId) ? item.parentId : null;
    const ordinal = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, ordinal);
    const number = parent === null ? `${ordinal}` : `${numbers.get(parent)}.${ordinal}`;
    numbers.set(item.id, number);
    return csvLine([
      number,
      word(`kind.${item.kind}`),
      text(item.title),
      text(item.ownerCity?.name),
      text(item.assignee?.name),
      item.startDate,
      item.dueDate,
      item.weight === null ? '' : `${item.weight}`,
      `${item.progress}`,
      word(`state.${item.state}`),
      word(isOverdue(item, today) ? 'yes' : 'no'),
      item.blockedReason ?? '',
      latestReport === null ? '' : latestReport.reportedAt.toISOString().slice(0, 10),
      latestReport?.note ?? '',
    ]);
  });
  return BOM + csvLine(COLUMNS.map((column) => word(`header.${column}`))) + rows.join('');
}
