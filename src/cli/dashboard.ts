import { generateGrafanaDashboard } from '../thresholds/grafana.js';
import { loadForCli } from './check.js';
import { emit, readArgs } from './rules.js';
import type { CliCommand } from './types.js';

/** `speechmetry dashboard FILE [-o PATH]`: a Grafana dashboard for the file's rules. */
export const dashboardCommand: CliCommand = {
  name: 'dashboard',
  summary: 'write a Grafana dashboard with the thresholds file\'s rules as lines',
  async run(argv, io) {
    const args = readArgs(argv);
    if (args.error !== undefined) {
      io.stderr.write(`speechmetry dashboard: ${args.error}\n`);
      return 2;
    }
    const parsed = loadForCli(args.file, io, 'dashboard');
    if (parsed === undefined) return 2;
    const json = generateGrafanaDashboard(parsed.rules, { naming: args.naming });
    return emit(JSON.stringify(json, null, 2) + '\n', args.out, io, 'dashboard');
  },
};
