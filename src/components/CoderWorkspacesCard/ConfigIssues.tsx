import { WarningPanel } from '@backstage/core-components';
import { useWorkspacesCardState } from './WorkspacesCardContext';

/**
 * Reports catalog-info values that could not be used, naming each field and what was
 * expected; the rest of the card keeps working without them.
 *
 * @public
 */
export function ConfigIssues() {
  const { workspacesConfig } = useWorkspacesCardState();
  const { issues } = workspacesConfig;
  if (issues.length === 0) return null;
  return (
    <WarningPanel
      defaultExpanded
      severity="warning"
      title={`${issues.length === 1 ? 'A Coder setting' : 'Some Coder settings'} in this entity's catalog-info could not be used`}
    >
      {/* As children, not `message`: the message is a <p>, and a list cannot sit in one. */}
      <ul>
        {issues.map(issue => (
          <li key={issue.field}>
            <code>{issue.field}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
