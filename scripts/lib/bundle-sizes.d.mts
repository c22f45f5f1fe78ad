export type EntryName = 'popup' | 'options' | 'worker';
export type Budgets = Readonly<Record<EntryName, number>>;
export declare const BUDGET_KB: Budgets;
export declare const ISSUE_9_KB: Budgets;
export declare const VITE_MANIFEST: string;
/** The parts of a Vite build-manifest chunk the measurement reads. */
export interface ViteChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type ViteManifest = Record<string, ViteChunk>;
export interface EntrySize {
  name: EntryName;
  /** The Vite manifest key of the entry. */
  entry: string;
  /** Loader (worker only), JS, then CSS; paths relative to the outDir. */
  files: string[];
  /** gzip -9 bytes of the JS files / the CSS files, each compressed on its own. */
  js: number;
  css: number;
  raw: number;
  gzipSum: number;
  gzipConcat: number;
  /** What the entry's `import()` calls fetch afterwards, beyond its static files; their gzip -9 bytes. */
  later: string[];
  laterGzip: number;
  /** Static JS files that still carry Vite's own preload helper (vite.config.ts swaps it for a small one). */
  vitePreloadHelper: string[];
}
export interface SizeRow extends EntrySize {
  budgetKb: number;
  withinBudget: boolean;
}
export declare function staticFiles(viteManifest: Record<string, unknown>, key: string): { js: string[]; css: string[] };
export declare function extensionEntries(distDir: string, viteManifest: Record<string, unknown>): { name: EntryName; key: string; loader: string | null }[];
export declare function laterFiles(viteManifest: Record<string, unknown>, key: string): string[];
export declare function filesWithVitePreloadHelper(distDir: string, files: string[]): string[];
export declare function entrySizes(distDir: string): EntrySize[];
export declare function kB(bytes: number): string;
export declare function sizeRows(distDir: string, budgets?: Budgets): SizeRow[];
export declare function formatTable(rows: SizeRow[]): string;
