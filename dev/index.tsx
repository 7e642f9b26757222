import { createDevApp } from '@backstage/dev-utils';
import { coderPlugin, CoderPage } from '../src/plugin';
import { EntityPage } from './EntityPage';
import { sampleEntities } from './entities';

createDevApp()
  .registerPlugin(coderPlugin)
  .addPage({
    path: '/entity/web-app',
    title: 'Web app',
    element: <EntityPage entity={sampleEntities[0]} />,
  })
  .addPage({
    path: '/entity/payments-api',
    title: 'Payments API',
    element: <EntityPage entity={sampleEntities[1]} />,
  })
  .addPage({
    path: '/entity/empty-service',
    title: 'Empty service',
    element: <EntityPage entity={sampleEntities[2]} />,
  })
  .addPage({
    path: '/entity/no-repo',
    title: 'No repository',
    element: <EntityPage entity={sampleEntities[3]} />,
  })
  .addPage({
    path: '/entity/broken-config',
    title: 'Broken config',
    element: <EntityPage entity={sampleEntities[4]} />,
  })
  .addPage({ path: '/coder', title: 'Coder', element: <CoderPage /> })
  .render();
