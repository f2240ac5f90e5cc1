import { Command, InvalidArgumentError, Option } from 'commander';
import { formatEntry, FORMATS_IN_PROSE, orList } from '../formats/registry.js';
import { optionEntries } from '../options/option-values.js';
import { OPTION_GROUPS, type CommandInfo, type OptionSpec } from '../options/schema.js';

export interface ProgramInfo extends CommandInfo {
  readonly name: string;
  readonly version: string;
  readonly defaultFormat: 'gif' | 'svg';
}

/** commander's option for a schema entry: its reader turns a bad value into a usage error naming the flag. */
function commanderOption(spec: OptionSpec, command: CommandInfo): Option {
  const option = new Option(spec.flag, typeof spec.help === 'function' ? spec.help(command) : spec.help);
  // Before the parser: commander lists the choices in --help, the schema's reader checks them.
  if (spec.choices !== undefined) option.choices(spec.choices);
  const { parse, add } = spec;
  if (parse !== undefined) {
    option.argParser((text: string, before: unknown) => {
      let value: unknown;
      try {
        value = parse(text);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
      return add !== undefined && before !== undefined ? add(before, value) : value;
    });
  }
  // commander turns on a `--no-X` switch by itself; a default of its own would show in --help.
  if (spec.default !== undefined && !option.negate) option.default(spec.default, spec.defaultHelp);
  return option;
}

/** Every option of the schema, grouped as `--help` shows them; cast2gif and cast2svg differ only in the default format. */
export function buildProgram(info: ProgramInfo): Command {
  const others = FORMATS_IN_PROSE.filter((format) => format !== info.defaultFormat);
  const program = new Command(info.name)
    .description(
      `Render an asciinema recording (.cast) as an animated ${formatEntry(info.defaultFormat).label}` +
        ` (or ${orList(others.map((format) => formatEntry(format).label))}, by the output's extension or --format).`,
    )
    .argument('[input]', 'a recording (asciicast, ttyrec, script(1) typescript, Terminalizer; gzip too), - for stdin, or an http(s) URL')
    .argument(
      '[more...]',
      'output file, - for stdout (default: the input\'s name with the new extension); or more inputs and quoted globs, rendered as a batch',
    )
    .version(info.version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .showHelpAfterError(false)
    .configureHelp({ helpWidth: 100 });
  for (const [group, heading] of Object.entries(OPTION_GROUPS)) {
    program.optionsGroup(heading);
    for (const [, spec] of optionEntries()) {
      if (spec.group !== group) continue;
      program.addOption(commanderOption(spec, info));
      if (spec.off !== undefined) program.addOption(new Option(spec.off.flag, spec.off.help));
    }
  }
  program.optionsGroup('');
  return program;
}
