import { ActionItemKind } from './action-item.entity';
import { parseCsv } from '@majlis/testing';
import { type PlanCsvItem, planItemsCsv } from './plan-csv';

const rowsOf = (file: string): string[][] => {
  expect(file.startsWith('\uFEFF')).toBe(true);
  return parseCsv(file.slice(1));
};

const dammam = { name: { ar: 'الدمام', en: 'Dammam', authoritative: 'ar' as const } };
const houston = { name: { ar: 'هيوستن', en: 'Houston', authoritative: 'en' as const } };
const jamal = { name: { ar: 'جمال الملحم', en: 'Jamal Al-Mulhim', authoritative: 'ar' as const } };

let sequence = 0;
const entry = (overrides: Partial<PlanCsvItem['item']>, latestReport: PlanCsvItem['latestReport'] = null) => ({
  item: {
    id: `item-${++sequence}`,
    parentId: null,
    kind: ActionItemKind.TASK,
    title: { en: 'A task', authoritative: 'en' as const },
    startDate: '2025-01-01',
    dueDate: '2025-12-31',
    weight: null,
    progress: 0,
    state: 'planned' as const,
    blockedReason: null,
    ownerCity: dammam,
    assignee: null,
    ...overrides,
  },
  latestReport,
});

const TODAY = '2025-06-15';

describe(planItemsCsv.name, () => {
  it('starts with a byte order mark, ends every line with CRLF, and heads the columns in English', () => {
    const file = planItemsCsv([], 'en', TODAY);

    expect(file).toBe(
      '\uFEFFNo.,Kind,Title,Owner city,Assignee,Start date,Due date,Weight,Progress %,State,Overdue,' +
        'Blocked reason,Last report date,Last report note\r\n',
    );
  });

  it('heads the columns in Arabic, in the glossary’s words', () => {
    const [header] = rowsOf(planItemsCsv([], 'ar', TODAY));

    expect(header).toHaveLength(14);
    expect(header[0]).toBe('الرقم');
    expect(header[10]).toBe('متأخر');
  });

  it('numbers items by their place in the tree: 1, 1.1, 1.1.1, 1.2, 2', () => {
    const one = entry({ kind: ActionItemKind.MILESTONE });
    const oneOne = entry({ parentId: one.item.id });
    const oneOneOne = entry({ parentId: oneOne.item.id });
    const oneTwo = entry({ parentId: one.item.id });
    const two = entry({ kind: ActionItemKind.MILESTONE });
    const twoOne = entry({ parentId: two.item.id });

    const rows = rowsOf(planItemsCsv([one, oneOne, oneOneOne, oneTwo, two, twoOne], 'en', TODAY)).slice(1);

    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['1', 'Milestone'],
      ['1.1', 'Task'],
      ['1.1.1', 'Task'],
      ['1.2', 'Task'],
      ['2', 'Milestone'],
      ['2.1', 'Task'],
    ]);
  });

  it('writes every cell of an item in the language asked for, falling back to the other', () => {
    const item = entry(
      {
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme', authoritative: 'ar' },
        ownerCity: houston,
        assignee: jamal,
        startDate: '2025-02-01',
        dueDate: '2025-09-30',
        weight: 3,
        progress: 40,
        state: 'blocked',
        blockedReason: 'Waiting for the visas',
      },
      { reportedAt: new Date('2025-05-04T22:30:00Z'), note: 'Two of five trainees placed' },
    );
    const arabicOnly = entry({ title: { ar: 'تَبادُلٌ أكاديميٌّ', authoritative: 'ar' } });

    const english = rowsOf(planItemsCsv([item, arabicOnly], 'en', TODAY));
    const arabic = rowsOf(planItemsCsv([item, arabicOnly], 'ar', TODAY));

    expect(english[1]).toEqual([
      '1',
      'Task',
      'Training exchange programme',
      'Houston',
      'Jamal Al-Mulhim',
      '2025-02-01',
      '2025-09-30',
      '3',
      '40',
      'Blocked',
      'no',
      'Waiting for the visas',
      '2025-05-04',
      'Two of five trainees placed',
    ]);
    expect(arabic[1].slice(0, 5)).toEqual(['1', 'مهمة', 'برنامج التبادل التدريبي', 'هيوستن', 'جمال الملحم']);
    expect(arabic[1][9]).toBe('متعثر');
    expect(english[2][2]).toBe('تَبادُلٌ أكاديميٌّ');
    const [, , , , assignee, , , weight, , , , reason, reportDate, reportNote] = english[2];
    expect([assignee, weight, reason, reportDate, reportNote]).toEqual(['', '', '', '', '']);
  });

  it('marks open items past their due date as overdue, never finished or cancelled ones', () => {
    const past = '2025-06-14';
    const items = [
      entry({ dueDate: past, state: 'planned' }),
      entry({ dueDate: past, state: 'inProgress' }),
      entry({ dueDate: past, state: 'blocked', blockedReason: 'x' }),
      entry({ dueDate: TODAY, state: 'planned' }),
      entry({ dueDate: past, state: 'done' }),
      entry({ dueDate: past, state: 'verified' }),
      entry({ dueDate: past, state: 'cancelled' }),
    ];

    expect(rowsOf(planItemsCsv(items, 'en', TODAY)).map((row) => row[10])).toEqual([
      'Overdue',
      'yes',
      'yes',
      'yes',
      'no',
      'no',
      'no',
      'no',
    ]);
    expect(rowsOf(planItemsCsv(items.slice(3, 5), 'ar', TODAY)).map((row) => row[10])).toEqual(['متأخر', 'لا', 'لا']);
    expect(rowsOf(planItemsCsv(items.slice(0, 1), 'ar', TODAY))[1][10]).toBe('نعم');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const title = 'Ports, pipelines and the "energy corridor"';
    const note = 'First line\r\nsecond, with "quotes"\nthird';
    const file = planItemsCsv(
      [entry({ title: { en: title, authoritative: 'en' } }, { reportedAt: new Date('2025-03-01T10:00:00Z'), note })],
      'en',
      TODAY,
    );

    expect(file).toContain(',"Ports, pipelines and the ""energy corridor""",');
    expect(file).toContain(',"First line\r\nsecond, with ""quotes""\nthird"\r\n');
    expect(rowsOf(file)[1][2]).toBe(title);
    expect(rowsOf(file)[1][13]).toBe(note);
  });

  it('defuses cells a spreadsheet would read as a formula with a leading apostrophe', () => {
    const starts = ['=SUM(A1:A9)', '+966 13 000', '-1', '@cmd', '\tindented', '\rreturn', '=HYPERLINK("x","y")'];
    const items = starts.map((title) => entry({ title: { en: title, authoritative: 'en' } }));

    const rows = rowsOf(planItemsCsv(items, 'en', TODAY)).slice(1);

    expect(rows.map((row) => row[2])).toEqual(starts.map((title) => `'${title}`));
    expect(planItemsCsv(items.slice(6), 'en', TODAY)).toContain(`,"'=HYPERLINK(""x"",""y"")",`);
    expect(rowsOf(planItemsCsv([entry({ title: { en: 'a = b', authoritative: 'en' } })], 'en', TODAY))[1][2]).toBe(
      'a = b',
    );
  });

  it('numbers an item whose parent is not in the list as a top-level one', () => {
    const orphan = entry({ parentId: 'elsewhere' });

    expect(rowsOf(planItemsCsv([entry({}), orphan], 'en', TODAY)).map((row) => row[0])).toEqual(['No.', '1', '2']);
  });
});
