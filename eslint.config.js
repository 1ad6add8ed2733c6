import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'src/glossary/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'tests/fixtures/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      // The page is the user's: never build DOM from strings, never evaluate strings as code.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with Preact or textContent, never from strings.' },
        { property: 'outerHTML', message: 'Build DOM with Preact or textContent, never from strings.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with Preact or textContent, never from strings.' },
      ],
      // No barrel files: an import names the module that holds the code (the first stage must not pull in the rest).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/index', '**/index.ts'],
              message: 'Import the module itself: the project has no index files.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML strings.' },
      ],
    },
  },
  {
    files: ['tests/fixtures/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', Node: 'readonly', CSS: 'readonly' } },
  },
  {
    files: ['scripts/*.mjs'],
    languageOptions: { globals: { Buffer: 'readonly' } },
  },
);
