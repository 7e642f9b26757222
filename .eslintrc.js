module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Test helpers are never exported or built; they may use devDependencies.
      files: ['src/testUtils/**'],
      rules: { '@backstage/no-undeclared-imports': 'off' },
    },
  ],
});
