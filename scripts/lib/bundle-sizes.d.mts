export declare const BUDGET_KB: { popup: number; options: number; worker: number };
export interface EntrySize {
  name: 'popup' | 'options' | 'worker';
  entry: string;
  files: string[];
  raw: number;
  gzipSum: number;
  gzipConcat: number;
}
export declare function staticClosure(distDir: string, entryRel: string): string[];
export declare function entrySizes(distDir: string): EntrySize[];
export declare function kB(bytes: number): string;
export declare function sizeRows(distDir: string): (EntrySize & { budgetKb: number; withinBudget: boolean })[];
