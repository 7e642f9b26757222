/**
 * The outcome of checking one request or response against Coder's contract.
 * `errors` lists every problem found, each naming where it is.
 */
export type ContractResult = { ok: true } | { ok: false; errors: string[] };

/** Folds a list of problems into a {@link ContractResult}. */
export function toContractResult(errors: string[]): ContractResult {
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
