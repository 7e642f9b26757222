import { useEffect, useId, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import ClearIcon from '@material-ui/icons/Clear';
import SearchIcon from '@material-ui/icons/Search';
import { isCoderResponseError } from '../../api/errors';
import { useWorkspacesCardState } from './WorkspacesCardContext';

/** How long typing must pause before a search is sent. */
export const CODER_SEARCH_DEBOUNCE_MS = 400;

/** Props of {@link SearchBox}. @public */
export interface SearchBoxProps {
  label?: string;
}

/**
 * Search with Coder's query language (`owner:me status:running name:api`). Typing is
 * debounced; Coder's validation message for a bad query appears under the box.
 *
 * @public
 */
export function SearchBox(props: SearchBoxProps) {
  const { label = 'Search workspaces' } = props;
  const { filter, setFilter, result } = useWorkspacesCardState();
  const [draft, setDraft] = useState(filter);
  const inputId = useId();
  const helperId = `${inputId}-helper`;
  const pending = useRef<{
    timer: ReturnType<typeof setTimeout>;
    text: string;
  }>();
  const commitRef = useRef(setFilter);
  commitRef.current = setFilter;

  // A controlled filter changed from outside: show it.
  useEffect(() => setDraft(filter), [filter]);
  // Unmounting (e.g. a revoked token swaps the card to the link form) must not lose
  // what was typed: commit it instead of dropping it.
  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current.timer);
        commitRef.current(pending.current.text);
      }
    },
    [],
  );

  const commit = (text: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    setFilter(text);
  };
  const change = (next: string) => {
    setDraft(next);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      text: next,
      timer: setTimeout(() => commit(next), CODER_SEARCH_DEBOUNCE_MS),
    };
  };
  const clear = () => {
    setDraft('');
    commit('');
  };

  const queryError =
    isCoderResponseError(result?.error) &&
    result?.error.coder.status === 400 &&
    result.error.coder.fromCoder
      ? result.error.coder
      : undefined;
  const helperText = queryError
    ? [
        queryError.message,
        ...queryError.validations.map(validation => validation.detail),
      ].join(' ')
    : 'Coder search syntax, e.g. owner:me status:running';

  return (
    <TextField
      id={inputId}
      value={draft}
      onChange={event => change(event.target.value)}
      label={label}
      variant="outlined"
      size="small"
      fullWidth
      error={Boolean(queryError)}
      helperText={helperText}
      FormHelperTextProps={{
        id: helperId,
        role: queryError ? 'alert' : undefined,
      }}
      inputProps={{ 'aria-describedby': helperId, spellCheck: false }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" aria-hidden />
          </InputAdornment>
        ),
        endAdornment: draft ? (
          <InputAdornment position="end">
            <IconButton size="small" onClick={clear} aria-label="Clear search">
              <ClearIcon fontSize="small" />
            </IconButton>
          </InputAdornment>
        ) : undefined,
      }}
    />
  );
}
