import {
  InfoCard,
  Link,
  Progress,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';

/** The Coder deployment: its URL and version. */
export function DeploymentCard() {
  const api = useCoderApi();
  const { deployment } = useCoderAppConfig();
  const { hasToken } = useCoderAuth();
  const buildInfo = useCoderQuery({
    queryKey: ['buildinfo'],
    queryFn: ({ signal }) => api.getBuildInfo({ signal }),
    staleTime: 10 * 60_000,
  });
  const accessLink = (
    <Link to={deployment.accessUrl} target="_blank" rel="noopener noreferrer">
      {deployment.accessUrl}
    </Link>
  );
  // Queries wait for a linked account; without one, say what is known, not "loading".
  if (!hasToken) {
    return (
      <InfoCard title="Deployment">
        <StructuredMetadataTable
          metadata={{
            'Access URL': accessLink,
            Version: 'Link your Coder account to see it.',
          }}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Deployment">
      {buildInfo.isPending && <Progress />}
      {buildInfo.error && (
        <WarningPanel
          severity="error"
          title={describeCoderError(buildInfo.error).title}
        />
      )}
      {buildInfo.data && (
        <StructuredMetadataTable
          metadata={{
            'Access URL': accessLink,
            Version: buildInfo.data.version,
          }}
        />
      )}
    </InfoCard>
  );
}
