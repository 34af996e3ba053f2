/** What the fuzz tests of the engine and the page reader share: hostile characters and a growth measure. */

/** Characters a hostile or broken page is made of: every quote mark, controls, mixed scripts, lone surrogates. */
export const NASTY = [
  '"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚', '「', '」', '『', '』', '`', '´',
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085',
  '\u00a0', '\u00ad', '\u200b', '\u200d', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd',
  '\ud800', '\udc00', '\udbff', '\udfff', '😀', '👩‍👩‍👧',
  'said', ' said ', 'told', 'according to', 'Mr.', 'Dr.', ' — ', '...', ':', ';', ',', '.', '?', '!',
  'Привет', 'مرحبا', 'שלום', '你好', 'こんにちは', 'नमस्ते', 'Ωμέγα', 'İstanbul', 'ǅemal',
  'Jane Doe', 'the mayor', 'He', 'She', 'They', 'x'.repeat(300), ' ', '  ',
];

/** Milliseconds for `f`, the fastest of `runs` (after one warm-up): the least disturbed by a busy machine. */
export function timed(f: () => void, runs = 3): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return Math.min(...ts);
}

/**
 * time(10 × size) / time(size): about 10 when linear, 100 when quadratic. The small time has a
 * floor so that a near-zero does not blow the ratio up.
 */
export function growth(make: (n: number) => () => void, n: number): number {
  const small = timed(make(n));
  const large = timed(make(n * 10));
  return large / Math.max(small, 2);
}
