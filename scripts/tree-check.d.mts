export interface TreeState {
  head: string;
  files: Record<string, string>;
}
export declare function treeState(root?: string): TreeState | null;
export declare function treeChanges(before: TreeState, after: TreeState): string[];
