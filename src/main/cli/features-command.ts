// `features [--json]`: the feature catalogue from a terminal — each feature, whether it is key and paid, and the
// product event names (exact or `*` patterns) that count as it. `--json` prints `[{name, key, paid, events}]`.
import { formatCount } from '../../shared/format';
import { call, type Command } from './command';

export const featuresCommand: Command = {
  summary: 'List the feature catalogue: features, key and paid flags, and the event names that count as each',
  usage: 'features [--json]',
  flags: { json: { type: 'boolean', description: 'print [{name, key, paid, events}] as JSON' } },
  async run({ api, io, flags }) {
    const features = await call(api, 'features.list', {});
    if (flags.json) {
      io.out(JSON.stringify(features.map((f) => ({ name: f.name, key: f.isKey, paid: f.isPaid, events: f.events, id: f.id, merged: f.merged })), null, 2));
      return 0;
    }
    if (features.length === 0) {
      io.err('No features yet. Import usage events, or a features file: npm run -s cli -- import FILE --kind features');
      return 0;
    }
    for (const f of features) {
      const flagsText = [f.isKey ? 'key' : null, f.isPaid ? 'paid' : null].filter((x) => x !== null).join(', ');
      io.out(`${f.name}${flagsText ? ` (${flagsText})` : ''}`);
      io.out(`  events: ${f.events.length > 0 ? f.events.join(', ') : '(none: counted by its name)'}`);
      if (f.merged.length > 0) io.out(`  merged: ${f.merged.join(', ')}`);
    }
    const unreviewed = (await call(api, 'features.eventNames', {})).filter((e) => e.unreviewed);
    if (unreviewed.length > 0) {
      io.out(`\n${formatCount(unreviewed.length)} event name${unreviewed.length === 1 ? ' is' : 's are'} counted as a feature of ${unreviewed.length === 1 ? 'its' : 'their'} own name until you map ${unreviewed.length === 1 ? 'it' : 'them'} (Settings › Features, or a features file):`);
      for (const e of unreviewed.slice(0, 20)) io.out(`  ${e.name} (${formatCount(e.events)} event${e.events === 1 ? '' : 's'})`);
    }
    return 0;
  },
};
