// The import rules of docs/architecture.md, enforced so they hold without anyone remembering them:
// shared imports neither renderer nor electron; electron never imports renderer; only renderer/db
// touches Dexie; only renderer/platform knows about Electron. An import that leaves its top folder,
// or climbs three levels, names the folder by its alias (tsconfig.base.json: `@shared/…`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const NO_RENDERER = {
  group: ['@renderer/**', '**/renderer/**', '../renderer', '../../renderer'],
  message: 'Only the renderer may import renderer code.',
};
const NO_ELECTRON_CODE = {
  group: ['@electron/**', '**/electron/**', '../electron'],
  message: 'Only electron/ may import electron/ code.',
};
const NO_ELECTRON = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/ and renderer/platform may know about Electron.',
};
const NO_DEXIE = {
  group: ['dexie', 'dexie-*', 'dexie/*'],
  message: 'Only renderer/db touches the database: call its repositories.',
};
const NO_NODE = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process'],
  message: 'shared/ is pure: it runs in the renderer too.',
};
const NO_DEEP_CLIMB = {
  group: ['../../../*', '../../../**'],
  message: 'Import through the path alias (@shared/…, @renderer/…, @tests/…) instead of climbing three levels.',
};
const SHARED_BY_ALIAS = {
  group: ['../shared', '../shared/**', '../../shared', '../../shared/**'],
  message: 'Import shared code by its alias: @shared/….',
};
const NO_DB_INTERNALS = {
  group: ['**/db/database', '**/db/audit', '**/db/repositories/*', '**/db/schema/*'],
  message: 'Features use the repositories through renderer/db (its index).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/installer/**', 'tests/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'tests/*/*.mjs', 'tests/*.mjs'] } },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  // Command-line scripts (test and bench runners) talk to the person running them.
  { files: ['tests/**/*.mjs'], rules: { 'no-console': 'off' } },
  // Scripts that the benchmarks load into the page.
  { files: ['tests/**/*.browser.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['shared/**'],
    rules: restrict([NO_RENDERER, NO_ELECTRON_CODE, NO_ELECTRON, NO_DEXIE, NO_NODE, NO_DEEP_CLIMB]),
  },
  { files: ['electron/**'], rules: restrict([NO_RENDERER, NO_DEXIE, NO_DEEP_CLIMB, SHARED_BY_ALIAS]) },
  {
    files: ['renderer/**'],
    ignores: ['renderer/db/**', 'renderer/platform/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([NO_ELECTRON_CODE, NO_ELECTRON, NO_DEXIE, NO_DB_INTERNALS, NO_NODE, NO_DEEP_CLIMB, SHARED_BY_ALIAS]),
    },
  },
  {
    files: ['renderer/db/**'],
    rules: restrict([NO_ELECTRON_CODE, NO_ELECTRON, NO_NODE, NO_DEEP_CLIMB, SHARED_BY_ALIAS]),
  },
  { files: ['tests/**'], rules: restrict([NO_DEEP_CLIMB, SHARED_BY_ALIAS]) },
  {
    files: ['renderer/platform/**'],
    rules: restrict([NO_ELECTRON_CODE, NO_DEXIE, NO_NODE, NO_DEEP_CLIMB, SHARED_BY_ALIAS]),
  },
);
