import { useMemo, useState, type KeyboardEvent } from 'react';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { CoderTemplateParameter } from '../../api/types';
import { listValue, parseListValue } from '../../workspaces/parameterValues';

const useStyles = makeStyles({
  remove: {
    padding: 0,
    '& svg': { fontSize: 16 },
  },
});

/** Props of {@link ListParameterField}. @public */
export interface ListParameterFieldProps {
  parameter: CoderTemplateParameter;
  /** Coder's form of the list: a JSON array of strings, e.g. `["a","b"]`. */
  value: string;
  onChange: (value: string) => void;
  id: string;
  label: string;
  helperText: string;
  error?: boolean;
}

interface ItemChipProps {
  label: string;
  index: number;
  onRemove: () => void;
}

function ItemChip({ label, index, onRemove }: ItemChipProps) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={label}
      onDelete={onRemove}
      // The remove button is the control; a focusable chip around it would be a
      // second, nameless one.
      role={undefined}
      tabIndex={undefined}
      deleteIcon={
        <IconButton
          className={classes.remove}
          aria-label={`Remove ${label}`}
          // Lets the list's arrow keys move between the remove buttons.
          data-tag-index={index}
          onKeyDown={(event: KeyboardEvent) => {
            // Otherwise the list would take Backspace as "remove the last item".
            if (event.key === 'Backspace' || event.key === 'Delete') {
              event.preventDefault();
              event.stopPropagation();
              onRemove();
            }
          }}
        >
          <CancelIcon />
        </IconButton>
      }
    />
  );
}

/**
 * A `list(string)` parameter as chips: free text (Enter or a comma adds an item,
 * Backspace in the empty box removes the last one) or, when the template offers
 * options, a choice among them. The value stays Coder's JSON array of strings.
 *
 * @public
 */
export function ListParameterField(props: ListParameterFieldProps) {
  const { parameter, value, onChange, id, label, helperText, error } = props;
  // The chooser clears its text whenever it receives a new array, so the same text
  // must give the same array.
  const items = useMemo(() => parseListValue(value) ?? [], [value]);
  const [draft, setDraft] = useState('');
  const offered = parameter.options.length > 0;
  const names = useMemo(
    () =>
      new Map(
        parameter.options.map(option => [
          option.value,
          option.name || option.value,
        ]),
      ),
    [parameter.options],
  );
  const nameOf = (item: string) => names.get(item) ?? item;
  const commit = (next: string[]) => {
    const cleaned = next.map(item => item.trim()).filter(Boolean);
    onChange(listValue([...new Set(cleaned)]));
  };

  return (
    <Autocomplete<string, true, false, boolean>
      id={id}
      multiple
      size="small"
      freeSolo={!offered}
      // Text typed but not yet added is kept as an item when the box loses focus.
      autoSelect={!offered}
      filterSelectedOptions
      options={parameter.options.map(option => option.value)}
      getOptionLabel={nameOf}
      value={items}
      inputValue={draft}
      onInputChange={(_event, text, reason) => {
        if (!offered && reason === 'input' && text.includes(',')) {
          commit([...items, ...text.split(',')]);
          setDraft('');
          return;
        }
        setDraft(text);
      }}
      onChange={(_event, next) => commit(next)}
      renderTags={tags =>
        tags.map((item, index) => (
          <ItemChip
            key={item}
            label={nameOf(item)}
            index={index}
            onRemove={() =>
              commit(items.filter((_item, position) => position !== index))
            }
          />
        ))
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          required={parameter.required}
          error={error}
          helperText={helperText}
          variant="outlined"
        />
      )}
    />
  );
}
