/**
 * The Containerfile as the tests read it: its instructions (continuation
 * lines joined, comments dropped), grouped by build stage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './local';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  /** The FROM line's image and `AS` name. */
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function readContainerfile(file = join(ROOT, 'Containerfile')): { preamble: Instruction[]; stages: Stage[] } {
  const logical = readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction.args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else (stages.at(-1)?.instructions ?? preamble).push(instruction);
  }
  return { preamble, stages };
}

/** The sources of a stage's COPY instructions: `{ from, source, destination }`, `from` the stage or undefined for the build context. */
export function copiesOf(stage: Stage): { from: string | undefined; sources: string[]; destination: string }[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.args.split(' ');
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((w) => !w.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
    });
}
