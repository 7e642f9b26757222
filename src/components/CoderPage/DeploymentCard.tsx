import {
  InfoCard,
  Link,
  Progress,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';

/** The Coder deployment: its URL and version. */
export function DeploymentCard() {
  const api = useCoderApi();
  const { deployment } = useCoderAppConfig();
  const buildInfo = useCoderQuery({
    queryKey: ['buildinfo'],
    queryFn: ({ signal }) => api.getBuildInfo({ signal }),
    staleTime: 10 * 60_000,
  });
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
            'Access URL': (
              <Link
                to={deployment.accessUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                {deployment.accessUrl}
              </Link>
            ),
            Version: buildInfo.data.version,
          }}
        />
      )}
    </InfoCard>
  );
}
