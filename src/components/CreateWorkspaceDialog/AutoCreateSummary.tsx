import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { CoderTemplateParameter } from '../../api/types';

/** Props of {@link AutoCreateSummary}. */
export interface AutoCreateSummaryProps {
  templateLabel: string;
  name: string;
  parameters: readonly CoderTemplateParameter[];
  values: Readonly<Record<string, string>>;
  /** Values written in the entity's catalog-info, marked as such. */
  fromEntity: { template: boolean; params: ReadonlySet<string> };
}

function FromCatalogInfo() {
  return (
    <Chip
      size="small"
      variant="outlined"
      label="from catalog-info"
      style={{ marginLeft: 8 }}
    />
  );
}

/**
 * The one-step confirmation of one-click creation: the template, the name and every
 * parameter value that will be sent, those from the entity's catalog-info marked. An
 * entity is less trusted than the platform, so nothing is created that the user has
 * not seen.
 */
export function AutoCreateSummary(props: AutoCreateSummaryProps) {
  const { templateLabel, name, parameters, values, fromEntity } = props;
  return (
    <>
      <Typography variant="body1" gutterBottom>
        Create <strong>{name}</strong> with these values?
      </Typography>
      <Table size="small" aria-label="Values for the new workspace">
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">
              Template
            </TableCell>
            <TableCell>
              {templateLabel}
              {fromEntity.template && <FromCatalogInfo />}
            </TableCell>
          </TableRow>
          {parameters.map(parameter => (
            <TableRow key={parameter.name}>
              <TableCell component="th" scope="row">
                {parameter.display_name || parameter.name}
              </TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>
                {values[parameter.name] || (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    component="span"
                  >
                    (empty)
                  </Typography>
                )}
                {fromEntity.params.has(parameter.name) && <FromCatalogInfo />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
