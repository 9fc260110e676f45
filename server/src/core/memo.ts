/**
 * Results computed once per report model (the arithmetic plan, prose enumerations, the outline, the hover
 * index) and shared by the rules and features that read them.
 *
 * Why not a WeakMap keyed by the model: the map itself lives long (old generation), and V8's young-generation
 * collector treats the values of such a map as live until the next full collection. Every analysed model's
 * plan then survives, is copied and promoted, and takes the model with it: checking 2,000 reports spent a
 * fifth of its time in the young-generation collector (BENCHMARKS.md). A few recent models held strongly cost
 * nothing comparable: a model is dropped from here as soon as a few newer ones have been asked about.
 */

/** How many recent models each memo keeps (editors alternate between a few open documents). */
const KEEP = 2;

export function perModel<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const keys: K[] = [];
  const values: V[] = [];
  return (key: K): V => {
    const i = keys.indexOf(key);
    if (i >= 0) return values[i];
    const value = compute(key);
    if (keys.length >= KEEP) {
      keys.pop();
      values.pop();
    }
    keys.unshift(key);
    values.unshift(value);
    return value;
  };
}
