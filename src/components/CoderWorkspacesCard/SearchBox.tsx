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

/**
 * Longest search the box takes, in UTF-16 code units like `maxLength`. Real Coder queries
 * are under 100 characters. The search travels in the URL, percent-encoded (up to 9 bytes
 * a character), next to the repository clause; 512 keeps even a worst case near 5 KB,
 * under the 8 KB request line common proxies allow, so an oversized paste cannot come
 * back as HTTP 431/414 reported as a failure of Coder.
 */
export const CODER_SEARCH_MAX_LENGTH = 512;

/** `text` cut to the limit, never between the two halves of an emoji. */
function capSearch(text: string): string {
  if (text.length <= CODER_SEARCH_MAX_LENGTH) return text;
  const end = /[\uD800-\uDBFF]/.test(text[CODER_SEARCH_MAX_LENGTH - 1])
    ? CODER_SEARCH_MAX_LENGTH - 1
    : CODER_SEARCH_MAX_LENGTH;
  return text.slice(0, end);
}

/** Props of {@link SearchBox}. @public */
export interface SearchBoxProps {
  label?: string;
}

/**
 * Search with Coder's query language (`owner:me status:running name:api`). Typing is
 * debounced; Coder's validation message for a bad query appears under the box. Input is
 * capped at 512 characters, and the box says so when the cap is reached.
 *
 * @public
 */
export function SearchBox(props: SearchBoxProps) {
  const { label = 'Search workspaces' } = props;
  const { filter, setFilter, result } = useWorkspacesCardState();
  const [draft, setDraft] = useState(filter);
  // Set when the last change was cut to the limit (a paste, or a browser ignoring maxLength).
  const [cut, setCut] = useState(false);
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
  const change = (typed: string) => {
    // maxLength stops typing in browsers; this also covers pastes and IMEs that ignore it.
    const next = capSearch(typed);
    setDraft(next);
    setCut(next.length < typed.length);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      text: next,
      timer: setTimeout(() => commit(next), CODER_SEARCH_DEBOUNCE_MS),
    };
  };
  const clear = () => {
    setDraft('');
    setCut(false);
    commit('');
  };

  const queryError =
    isCoderResponseError(result?.error) &&
    result?.error.coder.status === 400 &&
    result.error.coder.fromCoder
      ? result.error.coder
      : undefined;
  const atLimit = cut || draft.length >= CODER_SEARCH_MAX_LENGTH;
  let helperText = 'Coder search syntax, e.g. owner:me status:running';
  let helperRole: 'alert' | 'status' | undefined;
  if (queryError) {
    helperRole = 'alert';
    helperText = [
      queryError.message,
      ...queryError.validations.map(validation => validation.detail),
    ].join(' ');
  } else if (atLimit) {
    helperRole = 'status';
    helperText = `Searches are limited to ${CODER_SEARCH_MAX_LENGTH} characters; anything beyond that is left out.`;
  }

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
        role: helperRole,
      }}
      inputProps={{
        'aria-describedby': helperId,
        spellCheck: false,
        maxLength: CODER_SEARCH_MAX_LENGTH,
      }}
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
