export declare const DEBIAN_CHROMIUM: string;
export declare function findTestBrowser(): string | null;
export declare function findAnyBrowser(): string | null;
export declare const QUIET_FLAGS: readonly string[];
