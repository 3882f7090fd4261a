import type { AgendaItem } from './agenda-item.entity';

type TreeNode = Pick<AgendaItem, 'id' | 'parentId' | 'position'>;

/** A meeting's agenda items arranged as their tree: siblings in position order, numbered 1, 1.1, 1.2, 2… */
export class AgendaTree<T extends TreeNode = AgendaItem> {
  private readonly children = new Map<string | null, T[]>();
  private readonly numbers = new Map<string, string>();
  readonly ordered: T[] = [];

  constructor(items: readonly T[]) {
    for (const item of items) {
      const siblings = this.children.get(item.parentId) ?? [];
      siblings.push(item);
      this.children.set(item.parentId, siblings);
    }
    for (const siblings of this.children.values()) siblings.sort((a, b) => a.position - b.position);
    const visit = (parentId: string | null, prefix: string): void => {
      (this.children.get(parentId) ?? []).forEach((item, index) => {
        const number = `${prefix}${index + 1}`;
        this.numbers.set(item.id, number);
        this.ordered.push(item);
        visit(item.id, `${number}.`);
      });
    };
    visit(null, '');
  }

  get roots(): T[] {
    return this.childrenOf(null);
  }

  childrenOf(id: string | null): T[] {
    return this.children.get(id) ?? [];
  }

  numberOf(id: string): string {
    return this.numbers.get(id) ?? '';
  }

  /** True when `candidate` is `id` itself or lies anywhere under it. */
  isWithin(candidate: string, id: string): boolean {
    if (candidate === id) return true;
    return this.childrenOf(id).some((child) => this.isWithin(candidate, child.id));
  }
}
