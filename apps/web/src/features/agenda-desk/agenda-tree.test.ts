import { describe, expect, it } from 'vitest';
import { flatten, landing, numbering, plannedTotal, stepMoves } from './agenda-tree';

// 1 Opening · 2 Programmes (2.1 Training, 2.2 Academic) · 3 Close
const items = flatten([
  { id: 'opening', parentId: null, plannedMinutes: 10 },
  { id: 'programmes', parentId: null, plannedMinutes: 60 },
  { id: 'training', parentId: 'programmes', plannedMinutes: 20 },
  { id: 'academic', parentId: 'programmes', plannedMinutes: 25 },
  { id: 'close', parentId: null, plannedMinutes: null },
]);

describe('the agenda tree', () => {
  it('numbers items 1, 2, 2.1, 2.2, 3 in reading order', () => {
    expect([...numbering(items).values()].map((parts) => parts.join('.'))).toEqual(['1', '2', '2.1', '2.2', '3']);
  });

  it('lands an item dropped after a section one level in when pulled in, and at the top level otherwise', () => {
    // "close" (index 4) dropped where it is, pulled one level deeper: the last sub-item of the section.
    expect(landing(items, 4, 4, 1)).toEqual({ depth: 1, parentId: 'programmes', position: 2 });
    expect(landing(items, 4, 4, 0)).toEqual({ depth: 0, parentId: null, position: 2 });
    // "opening" dropped between the two sub-items can only be a sub-item there.
    expect(landing(items, 0, 2, 0)).toEqual({ depth: 1, parentId: 'programmes', position: 1 });
    // "academic" dragged to the very top becomes the first top-level item.
    expect(landing(items, 3, 0, 0)).toEqual({ depth: 0, parentId: null, position: 0 });
  });

  it('offers the moves that exist: up, down, under the item above, out of its section', () => {
    expect(stepMoves(items, 'training')).toEqual({
      up: null,
      down: { parentId: 'programmes', position: 1 },
      indent: null,
      outdent: { parentId: null, position: 2 },
    });
    expect(stepMoves(items, 'close').indent).toEqual({ parentId: 'programmes', position: 2 });
  });

  it('counts a section through its sub-items, not twice', () => {
    expect(plannedTotal(items)).toBe(55);
  });
});
