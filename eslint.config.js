import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

/**
 * Imports flow one way (README, "Project layout"): each folder of src/ and the folders it must not import. An entry
 * module (`index.ts`) may re-export a neighbour's public modules: the ./presence entry publishes the icon's strings
 * and the sync model.
 */
const ALL = ['directory', 'presence', 'presence-icon', 'sync', 'number-menu', 'address-book', 'graph', 'demo-directory', 'locales', 'react'];
const FORBIDDEN_IMPORTS = {
  internal: ALL,
  directory: ALL.filter((folder) => folder !== 'directory'),
  presence: ['presence-icon', 'sync', 'number-menu', 'address-book', 'graph', 'demo-directory', 'locales', 'react'],
  sync: ['presence-icon', 'number-menu', 'address-book', 'graph', 'demo-directory', 'locales', 'react'],
  'presence-icon': ['sync', 'number-menu', 'address-book', 'graph', 'demo-directory', 'locales', 'react'],
  'number-menu': ['presence', 'presence-icon', 'sync', 'address-book', 'graph', 'demo-directory', 'locales', 'react'],
  'address-book': ['graph', 'demo-directory', 'locales', 'react'],
  graph: ['presence', 'presence-icon', 'sync', 'number-menu', 'address-book', 'demo-directory', 'locales', 'react'],
  'demo-directory': ['presence-icon', 'sync', 'number-menu', 'address-book', 'locales', 'react'],
};
const importBoundaries = Object.entries(FORBIDDEN_IMPORTS).map(([folder, forbidden]) => ({
  files: [`src/${folder}/**/*.ts`],
  ignores: ['src/*/index.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbidden.map((name) => `**/${name}/**`), message: `src/${folder} must not import this folder: imports flow one way (README, Project layout).` },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'storybook-static/', 'custom-elements.json', '.manifest-check/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'vite.config.ts', '.storybook/main.ts', '.storybook/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    settings: { wc: { elementBaseClasses: ['LitElement', 'ContactpadElement'] } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Lit binds event listeners to the host element, which this rule cannot see.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...importBoundaries,
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // chai's `expect(x).to.exist` and @open-wc's re-typed `equal` are misread by these rules.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs', 'vite.config.ts', '.storybook/main.ts', '.storybook/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
