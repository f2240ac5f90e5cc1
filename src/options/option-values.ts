import { OPTIONS, type OptionName, type OptionSpec, type OptionValues } from './schema.js';

export type { OptionName, OptionValues } from './schema.js';

/** The schema entry of an option, by its name. */
export const optionSpec = (name: keyof typeof OPTIONS): OptionSpec => OPTIONS[name] as OptionSpec;

/** Every option with its entry, in the order of --help. */
export const optionEntries = (): Array<[keyof typeof OPTIONS, OptionSpec]> =>
  Object.entries(OPTIONS) as Array<[keyof typeof OPTIONS, OptionSpec]>;

/** Whether a key names an option of a render (one a config file may set for each input). */
export const isOptionName = (key: string): key is OptionName => Object.hasOwn(OPTIONS, key) && optionSpec(key as OptionName).config === 'options';

/** commander's name for a flag: `--no-cursor` -> noCursor, `-f, --format <format>` -> format. */
const attributeOf = (flag: string): string =>
  /--([a-z0-9-]+)/i.exec(flag)![1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The `--no-X` flags as config keys (noCursor), by the option they turn off. */
const NEGATED: ReadonlyMap<string, OptionName> = new Map(
  optionEntries().flatMap(([name, spec]) => {
    const flag = spec.off?.flag ?? (spec.flag.startsWith('--no-') ? spec.flag : undefined);
    return flag === undefined || !isOptionName(name) ? [] : [[attributeOf(flag), name] as const];
  }),
);

/**
 * A config key as the flag's camelCase name: `noCursor: true` is `--no-cursor`, which sets
 * `cursor: false`. Returns the option and its value, or undefined when the key is not a `no` flag.
 */
export function negatedOption(key: string, value: unknown): [OptionName, false | undefined] | undefined {
  const name = NEGATED.get(key);
  if (name === undefined) return undefined;
  if (typeof value !== 'boolean') throw new Error('expected true or false');
  // "noLoop": false leaves the option at its default rather than forcing it on.
  return [name, value ? false : undefined];
}

/**
 * Reads one value as the flag would (a config file's value, or a library caller's); throws an
 * Error saying what was expected, for the caller to prefix with where the value came from.
 */
export function checkOption(name: keyof typeof OPTIONS, value: unknown): unknown {
  const spec = optionSpec(name);
  if (value === false && spec.off !== undefined) return false;
  if (spec.parse === undefined) {
    if (typeof value !== 'boolean') throw new Error('expected true or false');
    return value;
  }
  return spec.parse(value);
}

/** Later layers win; a layer's undefined values leave earlier ones in place. */
export function mergeOptions(...layers: ReadonlyArray<Readonly<OptionValues> | undefined>): OptionValues {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) out[key] = value;
  }
  return out as OptionValues;
}
