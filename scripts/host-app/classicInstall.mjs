/*
 * The README's classic-app install steps, as a user would type them into a create-app
 * `--legacy` app: wrap the app root in <CoderProvider> (App.tsx) and put the workspaces
 * card on the entity overview (EntityPage.tsx); and docs/scaffolder.md's: the template
 * field under the scaffolder page (App.tsx). Each edit names the text it expects, so a
 * changed template fails loudly instead of being edited somewhere odd.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function edit(file, replacements) {
  let text = readFileSync(file, 'utf8');
  for (const [expected, replacement] of replacements) {
    if (!text.includes(expected)) {
      throw new Error(
        `${file} no longer contains:\n${expected}\n(the create-app template changed; update classicInstall.mjs)`,
      );
    }
    text = text.replace(expected, replacement);
  }
  writeFileSync(file, text);
}

/** README "3b. Classic frontend system", first step: the provider around the app. */
function wrapAppInCoderProvider(appDir) {
  edit(path.join(appDir, 'packages/app/src/App.tsx'), [
    [
      "import { Root } from './components/Root';\n",
      "import { Root } from './components/Root';\nimport { CoderProvider } from '@coder/backstage-plugin-coder';\n",
    ],
    [
      'export default app.createRoot(\n  <>\n',
      'export default app.createRoot(\n  <CoderProvider>\n',
    ],
    ['  </>,\n);', '  </CoderProvider>,\n);'],
  ]);
}

/** README 3b, second step: the card in a grid item of the overview tab. */
function addWorkspacesCard(appDir) {
  edit(
    path.join(appDir, 'packages/app/src/components/catalog/EntityPage.tsx'),
    [
      [
        "import { Button, Grid } from '@material-ui/core';\n",
        "import { Button, Grid } from '@material-ui/core';\nimport { CoderWorkspacesCard } from '@coder/backstage-plugin-coder';\n",
      ],
      [
        '      <EntityAboutCard />\n    </Grid>\n',
        '      <EntityAboutCard />\n    </Grid>\n    <Grid item md={6} xs={12}>\n      <CoderWorkspacesCard readEntityData />\n    </Grid>\n',
      ],
    ],
  );
}

/**
 * docs/scaffolder.md, "Classic": the field extension under the /create route, with
 * ScaffolderFieldExtensions from @backstage/plugin-scaffolder-react (the app adds it
 * first; @backstage/plugin-scaffolder's is a deprecated re-export).
 */
export function addTemplateField(appDir) {
  edit(path.join(appDir, 'packages/app/src/App.tsx'), [
    [
      "import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';\n",
      "import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';\nimport { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';\nimport { CoderWorkspaceTemplateFieldExtension } from '@coder/backstage-plugin-coder';\n",
    ],
    [
      '    <Route path="/create" element={<ScaffolderPage />} />\n',
      '    <Route path="/create" element={<ScaffolderPage />}>\n      <ScaffolderFieldExtensions>\n        <CoderWorkspaceTemplateFieldExtension />\n      </ScaffolderFieldExtensions>\n    </Route>\n',
    ],
  ]);
}

export function applyClassicInstall(appDir) {
  wrapAppInCoderProvider(appDir);
  addWorkspacesCard(appDir);
}
