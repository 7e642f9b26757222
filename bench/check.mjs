/* eslint-disable no-console */
/*
 * `npm run bench:check`: compares bench/results.json with bench/budgets.json and exits
 * non-zero if a budget is missed or a figure is missing. Timing budgets (`"timing": true`)
 * pass up to `timingMargin` over the budget, since timings vary from machine to machine.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function readBudgets() {
  return JSON.parse(await readFile(path.join(here, 'budgets.json'), 'utf8'));
}

/** One verdict per budget: `{ key, budget, value, ok, limit }`. */
export function checkBudgets(results, { timingMargin, budgets }) {
  return Object.entries(budgets).map(([key, budget]) => {
    const [group, name] = key.split('.');
    const value = results.groups?.[group]?.figures?.[name]?.value;
    if ('equals' in budget) {
      return {
        key,
        value,
        ok: value === budget.equals,
        limit: `= ${budget.equals}`,
      };
    }
    if ('min' in budget) {
      return {
        key,
        value,
        ok: typeof value === 'number' && value >= budget.min,
        limit: `≥ ${budget.min}`,
      };
    }
    const allowed = budget.timing
      ? budget.max * (1 + timingMargin)
      : budget.max;
    return {
      key,
      value,
      ok: typeof value === 'number' && value <= allowed,
      limit: budget.timing
        ? `≤ ${budget.max} (+${timingMargin * 100}%: ${allowed})`
        : `≤ ${budget.max}`,
    };
  });
}

async function main() {
  let results;
  try {
    results = JSON.parse(
      await readFile(path.join(here, 'results.json'), 'utf8'),
    );
  } catch (error) {
    console.error(
      `bench:check: no bench/results.json (${error.message}); run npm run bench first.`,
    );
    process.exit(2);
  }
  const verdicts = checkBudgets(results, await readBudgets());
  for (const verdict of verdicts) {
    console.log(
      `${verdict.ok ? 'ok  ' : 'MISS'} ${verdict.key.padEnd(40)} ${String(
        verdict.value ?? 'missing',
      ).padStart(8)}  budget ${verdict.limit}`,
    );
  }
  const missed = verdicts.filter(verdict => !verdict.ok);
  console.log(
    `bench:check: ${verdicts.length - missed.length} within budget, ${missed.length} missed (results from ${results.generatedAt})`,
  );
  process.exit(missed.length > 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
