/**
 * "Imports only go down" (eslint.config.js): src/space → src/shared → src/kinds → src/background | src/popup |
 * src/options. Lints one import line as if it were in a file of each floor, against the real config, so a rule
 * that stops matching (a renamed folder, a broken pattern) fails here and not only when someone breaks the layering.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The no-restricted-imports messages ESLint gives `source` as the file `path` (relative to the repository). */
async function restrictedImports(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports only go down', () => {
  it.each([
    // The case issue 10 names: a kind's worker side reaching into the worker's internals.
    ['src/kinds/repository/search.ts', "import { workerErrors } from '../../background/app-error.ts';"],
    ['src/kinds/person/view.tsx', "import { App } from '../../popup/App.tsx';"],
    ['src/kinds/card-parts.tsx', "import type { X } from '../options/App.tsx';"],
    ['src/shared/protocol.ts', "import type { KindSearch } from '../kinds/kind-search.ts';"],
    ['src/shared/ui/Text.tsx', "import { t } from '../../popup/extras.ts';"],
    ['src/space/client.ts', "import type { Filter } from '../shared/kinds.ts';"],
    ['src/space/mappers/team.ts', "import { VIEWS } from '../../kinds/view-registry.tsx';"],
    ['src/space/http.ts', "import browser from 'webextension-polyfill';"],
    ['src/background/omnibox.ts', "import { FILTERS } from '../popup/filters.ts';"],
    ['src/popup/App.tsx', "import { toAppError } from '../background/app-error.ts';"],
    ['src/popup/App.tsx', "import { createSpaceClient } from '../space/client.ts';"],
    ['src/options/App.tsx', "import { FILTERS } from '../popup/filters.ts';"],
    // Pages take from src/space only the pure modules on the allowlist (eslint.config.js, PAGE_SPACE_MODULES).
    ['src/popup/App.tsx', "import { SpaceHttp } from '../space/http.ts';"],
    ['src/options/sign-in.ts', "import { refresh } from '../space/oauth/token.ts';"],
    ['src/options/components/SignIn.tsx', "import type { OAuthError } from '../../space/oauth/errors.ts';"],
    ['src/popup/copy-value.ts', "import { parseKey } from '../space/keys.ts';"],
    ['src/options/App.tsx', "import { describeSpaceError } from '../space/describe.ts';"],
  ])('%s may not %s', async (path, source) => {
    expect(await restrictedImports(path, source)).toHaveLength(1);
  });

  it.each([
    ['src/kinds/repository/search.ts', "import type { SpaceApi } from '../../space/api.ts';"],
    ['src/kinds/person/view.tsx', "import { t } from '../../shared/i18n.ts';"],
    ['src/shared/query.ts', "import { parseKey } from '../space/keys.ts';"],
    ['src/background/omnibox.ts', "import { kindSearch } from '../kinds/search-registry.ts';"],
    ['src/popup/App.tsx', "import { VIEWS } from '../kinds/view-registry.tsx';"],
    ['src/popup/actions.ts', "import { isSameOriginUrl } from '../space/same-origin.ts';"],
    ['src/popup/results.test.ts', "import type { Person } from '../space/types.ts';"],
    ['src/options/sign-in.ts', "import { originPattern } from '../space/base-url.ts';"],
    ['src/options/components/RedirectUri.tsx', "import { applicationsUrl } from '../../space/web-urls.ts';"],
    ['src/options/components/TokenHelp.tsx', "import { REQUIRED_PERMISSIONS } from '../../kinds/required-permissions.ts';"],
    ['src/options/App.test.tsx', "import { DEMO_CLIENT_ID } from '../../scripts/demo-space/server.ts';"],
  ])('%s may %s', async (path, source) => {
    expect(await restrictedImports(path, source)).toEqual([]);
  });
}, 60_000);
