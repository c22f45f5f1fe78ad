export declare const TODO: string;
export declare function checkName(name: unknown): string | null;
export declare function kindFiles(name: string): Record<string, string>;
export declare function remainingSteps(name: string): string[];
export declare function scaffold(root: string, name: string, opts?: { dryRun?: boolean }): string[];
