// Preloaded into a CLI subprocess (node --import, through NODE_OPTIONS) so the machine's clock reads
// BEARING_TEST_CLOCK: `new Date()` and `Date.now()` answer that instant, as on a computer whose clock says that day.
// Only for tests whose expected numbers depend on "today"; the CLI itself has no clock option.
/* global process */
const fixed = Date.parse(process.env.BEARING_TEST_CLOCK ?? '');
if (Number.isNaN(fixed)) throw new Error(`BEARING_TEST_CLOCK is "${process.env.BEARING_TEST_CLOCK}": write an ISO instant such as 2026-11-24T12:00:00Z.`);
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fixed);
    else super(...args);
  }
  static now() {
    return fixed;
  }
}
globalThis.Date = FixedDate;
