export declare class PackageError extends Error {}
export interface PackagedZip {
  kind: 'chrome' | 'firefox' | 'sources';
  path: string;
  bytes: number;
  sha256: string;
}
export declare function packageRelease(options?: {
  root?: string;
  outDir?: string;
  allowDirty?: boolean;
  lint?: boolean;
  keepBuildsDir?: string;
  log?: (line: string) => void;
}): { version: string; zips: PackagedZip[] };
