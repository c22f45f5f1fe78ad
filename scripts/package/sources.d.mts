export interface SourceFile {
  path: string;
  executable: boolean;
}
export interface GitState {
  commit: string;
  commitDate: string;
  /** `git status --porcelain` lines of tracked files with uncommitted changes. */
  dirty: string[];
  /** Untracked files included in the sources (only with `{ untracked: true }`). */
  untracked: string[];
}
export declare function isGitRoot(root: string): boolean;
export declare function listSources(root: string, options?: { untracked?: boolean }): { files: SourceFile[]; git: GitState | null };
export declare function ignoreMatcher(text: string): (path: string, isDir: boolean) => boolean;
