/**
 * Results computed once per report model (the arithmetic plan, prose enumerations, the outline, the hover
 * index) and shared by the rules and features that read them.
 *
 * Each result is kept on the model itself, under a symbol of its own that is not enumerable (so JSON, spreads
 * and deep comparisons do not see it), and goes when the model goes. Why not a WeakMap keyed by the model:
 * the map lives long (in V8's old generation), and V8's young-generation collector treats the values of such
 * a map as live until the next full collection. Every analysed model's plan then survived, was copied and
 * promoted, and took the model with it: checking 2,000 reports spent a fifth of its time in the
 * young-generation collector (BENCHMARKS.md). A cache of recent models would keep them alive too.
 */

export function perModel<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = Symbol('memo');
  return (key: K): V => {
    const holder = key as unknown as Record<symbol, V | undefined>;
    const hit = holder[slot];
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (Object.isExtensible(key)) Object.defineProperty(key, slot, { value, enumerable: false, writable: false, configurable: false });
    return value;
  };
}
