import { createDevApp } from '@backstage/dev-utils';
import { coderPlugin } from '../src/plugin';
import { EntityPage } from './EntityPage';
import {
  emptyServiceEntity,
  paymentsApiEntity,
  webAppEntity,
} from './entities';

createDevApp()
  .registerPlugin(coderPlugin)
  .addPage({
    path: '/entity/web-app',
    title: 'Web app',
    element: (
      <EntityPage
        entity={webAppEntity}
        repoUrl="https://github.com/acme/web-app"
      />
    ),
  })
  .addPage({
    path: '/entity/payments-api',
    title: 'Payments API',
    element: (
      <EntityPage
        entity={paymentsApiEntity}
        repoUrl="https://gitlab.com/acme/payments-api"
      />
    ),
  })
  .addPage({
    path: '/entity/empty-service',
    title: 'Empty service',
    element: (
      <EntityPage
        entity={emptyServiceEntity}
        repoUrl="https://github.com/acme/empty-service"
      />
    ),
  })
  .render();
