import type { ReactNode } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  Sidebar,
  SidebarDivider,
  SidebarItem,
  SidebarPage,
  SidebarSpace,
} from '@backstage/core-components';
import CloudIcon from '@material-ui/icons/Cloud';
import CreateIcon from '@material-ui/icons/AddCircleOutline';
import ExtensionIcon from '@material-ui/icons/Extension';

/** Props of {@link DevSidebar}. */
export interface DevSidebarProps {
  entities: Entity[];
  children: ReactNode;
}

/** The classic dev app's sidebar: one item per sample entity, the Coder page and the scaffolder. */
export function DevSidebar(props: DevSidebarProps) {
  const { entities, children } = props;
  return (
    <SidebarPage>
      <Sidebar>
        <SidebarDivider />
        {entities.map(entity => (
          <SidebarItem
            key={entity.metadata.name}
            icon={ExtensionIcon}
            to={`/entity/${entity.metadata.name}`}
            text={entity.metadata.title ?? entity.metadata.name}
          />
        ))}
        <SidebarDivider />
        <SidebarItem icon={CloudIcon} to="/coder" text="Coder" />
        <SidebarItem icon={CreateIcon} to="/create" text="Create..." />
        <SidebarSpace />
      </Sidebar>
      {children}
    </SidebarPage>
  );
}
