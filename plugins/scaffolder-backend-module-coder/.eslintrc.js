module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Test helpers are never exported or built. They may use devDependencies and
      // start the repository's fake Coder (dev/fake-coder in the root package).
      files: ['src/testUtils/**'],
      rules: {
        '@backstage/no-undeclared-imports': 'off',
        '@backstage/no-relative-monorepo-imports': 'off',
      },
    },
  ],
});
