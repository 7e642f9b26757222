import type { CoderTemplateParameter } from '../../api/types';

const FIXED_NOTE = 'Cannot be changed after the workspace is created.';
// Templates often say it in their own words ("It cannot be changed after creation.").
const SAYS_FIXED = /\bcan(?:not|'t| not) be changed\b|\bimmutable\b/i;

/** Parameters shown as one free-text box per item rather than a pick from options. */
function isFreeList(parameter: CoderTemplateParameter): boolean {
  return parameter.type === 'list(string)' && parameter.options.length === 0;
}

/**
 * What a valid value looks like, said before the user gets it wrong: a number's bounds,
 * a pattern's own explanation, how many options a closed list holds, how to add items.
 *
 * @public
 */
export function parameterLimits(
  parameter: CoderTemplateParameter,
): string | undefined {
  if (parameter.type === 'number') {
    const { validation_min: min, validation_max: max } = parameter;
    const hasMin = min !== undefined && min !== null;
    const hasMax = max !== undefined && max !== null;
    if (hasMin && hasMax) return `Between ${min} and ${max}.`;
    if (hasMin) return `At least ${min}.`;
    if (hasMax) return `At most ${max}.`;
    return undefined;
  }
  if (isFreeList(parameter))
    return 'Press Enter or type a comma to add each item.';
  // Radio buttons show every option already; a drop-down or chooser hides them.
  if (
    parameter.options.length > 0 &&
    parameter.type !== 'bool' &&
    !(parameter.form_type === 'radio' && parameter.type !== 'list(string)')
  ) {
    const count = parameter.options.length;
    return `${count} ${count === 1 ? 'option' : 'options'}.`;
  }
  // A raw regular expression explains nothing; only the template's words are shown.
  if (parameter.type === 'string' && parameter.validation_regex)
    return parameter.validation_error || undefined;
  return undefined;
}

/** Compares sentences as a reader would: case, spacing and the final stop aside. */
function sameSentence(a: string, b: string): boolean {
  const plain = (text: string) =>
    text.trim().replace(/\.$/, '').replace(/\s+/g, ' ').toLowerCase();
  return plain(a) === plain(b);
}

/**
 * A parameter's helper text: the error first when there is one, then its description,
 * its limits and how it behaves later, each said once even when the template's own
 * description or Coder's error already says it.
 *
 * @public
 */
export function parameterHelp(
  parameter: CoderTemplateParameter,
  error?: string,
): string {
  const sentences = [error, parameter.description, parameterLimits(parameter)];
  if (
    !parameter.mutable &&
    !sentences.some(sentence => sentence && SAYS_FIXED.test(sentence))
  )
    sentences.push(FIXED_NOTE);
  if (parameter.ephemeral) sentences.push('Applies to this build only.');
  if (parameter.validation_monotonic) {
    sentences.push(
      `Can only ${parameter.validation_monotonic === 'increasing' ? 'grow' : 'shrink'} later.`,
    );
  }
  const said: string[] = [];
  for (const sentence of sentences) {
    if (sentence && !said.some(earlier => sameSentence(earlier, sentence)))
      said.push(sentence.trim());
  }
  return said.join(' ');
}
