export declare function nodeModulesProblem(root?: string): string | null;
export declare function ensureDeps(opts?: { anyBrowser?: boolean }): string;
