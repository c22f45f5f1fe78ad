/** The code kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase } from '../../space/types.ts';

/** One line of a source-search snippet. Plain text, never HTML. */
export interface CodeMatchLine {
  /** 1-based line number in the file; null when Space didn't say. */
  number: number | null;
  text: string;
  /** This line is one Space matched (the others are context). */
  match: boolean;
}

/** A file that matched a source search (`GET /projects/source-search`, `SourceSearchItem`). */
export interface CodeMatch extends EntityBase {
  kind: 'code';
  projectKey: string;
  repository: string;
  /** Path in the repository, e.g. `src/main/kotlin/Rate.kt`; also the title. */
  path: string;
  /** Commit the match was found at (the web link opens the file there), or null. */
  commit: string | null;
  /** First matching line (1-based), which the link opens; null when unknown. */
  line: number | null;
  /** The snippet Space sent, in file order: matching lines and their context. */
  lines: CodeMatchLine[];
}

declare module '../../space/types.ts' {
  interface EntityTypes { code: CodeMatch }
}
