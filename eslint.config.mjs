// @ts-check
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      // Projects are tagged in their project.json; these are the only dependencies allowed.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:certificates', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              // Contracts reach the browser: no server libraries in them.
              sourceTag: 'type:contracts',
              bannedExternalImports: [
                '@nestjs/*',
                'class-validator',
                'class-transformer',
                'typeorm',
                'pg',
                'ioredis',
                'bullmq',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@qadam/contracts',
              message: 'Contracts are types only and compile to nothing: use `import type`.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The certificate worker is the backend's second entry point (its own process, same
    // database, entities and configuration): it alone may reach into backend/src, by relative
    // path. Everything else still goes through the constraints above.
    files: ['certificates/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['../../backend/src/**', '../../../backend/src/**'],
          depConstraints: [
            { sourceTag: 'scope:certificates', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // The contracts library holds declarations only: no values, so nothing can ship by accident.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'VariableDeclaration', message: 'Contracts hold types only.' },
        { selector: 'FunctionDeclaration', message: 'Contracts hold types only.' },
        { selector: 'ClassDeclaration', message: 'Contracts hold types only.' },
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', 'backend/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
