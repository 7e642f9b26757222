import { useState } from 'react';
import Avatar from '@material-ui/core/Avatar';
import { makeStyles } from '@material-ui/core/styles';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { safeUrl } from '../../workspaces/safeUrl';

const useStyles = makeStyles(theme => ({
  icon: {
    width: theme.spacing(4),
    height: theme.spacing(4),
    fontSize: theme.typography.body1.fontSize,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    '& img': { objectFit: 'contain' },
  },
}));

/** Props of {@link TemplateIcon}. @public */
export interface TemplateIconProps {
  icon: string;
  /** Shown as a letter when there is no usable image. */
  name: string;
}

/**
 * A template's icon as a plain `<img>`: the browser caches it and no script fetches it.
 * Static icons are public on Coder, so they load from the access URL, not the proxy
 * (an `<img>` cannot carry the Backstage token the proxy requires). A letter stands in
 * when there is none or it fails to load.
 *
 * @public
 */
export function TemplateIcon(props: TemplateIconProps) {
  const { icon, name } = props;
  const classes = useStyles();
  const { deployment } = useCoderAppConfig();
  const [failed, setFailed] = useState(false);
  // Coder stores built-in icons as paths on the deployment (`/icon/docker.svg`,
  // `/emoji/…`); anything but http(s) (`javascript:`, `data:`) is refused.
  const src = failed
    ? undefined
    : safeUrl(icon, { base: `${deployment.accessUrl}/` });
  return (
    <Avatar
      className={classes.icon}
      src={src}
      alt=""
      variant="rounded"
      imgProps={{
        onError: () => setFailed(true),
        loading: 'lazy',
        referrerPolicy: 'no-referrer',
      }}
      aria-hidden
    >
      {name.slice(0, 1).toUpperCase()}
    </Avatar>
  );
}
