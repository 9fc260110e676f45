/**
 * Spreading files over worker threads. Each worker checks and renders the files it is given and sends back
 * the rendered pieces; the main thread only assembles them in order. Small runs stay in one thread (starting
 * a worker costs more than it saves); a worker that fails has its files done by the main thread.
 */

import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderTask, type RenderFlags, type RenderTask, type Rendered } from './render';

/** Below this many files one thread is faster than starting workers. */
const MIN_FILES_FOR_WORKERS = 64;
const BATCH = 16;

export const WORKER_MARK = 'nianbao-cli-worker';

export interface WorkerInit {
  readonly mark: typeof WORKER_MARK;
  readonly flags: RenderFlags;
}

type ToWorker = { readonly tasks: readonly RenderTask[] } | { readonly done: true };
type FromWorker = { readonly rendered: readonly Rendered[] } | { readonly ready: true };

function threadCount(files: number): number {
  // NIANBAO_THREADS=n fixes the number of threads (1: no workers), for measuring and for constrained machines.
  const forced = Number(process.env.NIANBAO_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, 16);
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Measured on 2 cores (BENCHMARKS.md): a second isolate's garbage-collection threads cost as much as the
  // worker gains, so threads only pay from 4 cores up.
  if (cores < 4) return 1;
  return Math.max(1, Math.min(cores, 8, Math.ceil(files / MIN_FILES_FOR_WORKERS)));
}

export async function renderAll(tasks: readonly RenderTask[], flags: RenderFlags, script: string | null): Promise<Rendered[]> {
  const n = script ? threadCount(tasks.length) : 1;
  const out: (Rendered | undefined)[] = new Array(tasks.length);
  if (n <= 1) {
    for (const t of tasks) out[t.index] = renderTask(t, flags);
    return out as Rendered[];
  }
  let next = 0;
  const take = (): RenderTask[] => {
    const batch = tasks.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const init: WorkerInit = { mark: WORKER_MARK, flags };
      const worker = new Worker(script!, { workerData: init });
      let pending: RenderTask[] = [];
      const send = (): void => {
        pending = take();
        const msg: ToWorker = pending.length ? { tasks: pending } : { done: true };
        worker.postMessage(msg);
      };
      worker.on('message', (msg: FromWorker) => {
        if ('rendered' in msg) for (const r of msg.rendered) out[r.index] = r;
        send();
      });
      // A worker that dies leaves its batch to the main thread (below); the run goes on.
      worker.on('error', () => undefined);
      worker.on('exit', () => resolve());
    });
  // The main thread works too (n − 1 workers): on a small machine an idle main thread wastes a core, and more
  // isolates than cores only add garbage-collection threads fighting for them.
  const mainLoop = async (): Promise<void> => {
    for (;;) {
      const batch = take();
      if (!batch.length) return;
      for (const t of batch) out[t.index] = renderTask(t, flags);
      // Let the workers' messages in between batches.
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  await Promise.all([mainLoop(), ...Array.from({ length: n - 1 }, runWorker)]);
  for (const t of tasks) if (!out[t.index]) out[t.index] = renderTask(t, flags);
  return out as Rendered[];
}

/** The worker's side: render what it is sent until told it is done. */
export function workerLoop(port: import('node:worker_threads').MessagePort, init: WorkerInit): void {
  port.on('message', (msg: ToWorker) => {
    if ('done' in msg) {
      port.close();
      return;
    }
    // Each fragment copied out of the slab it was written into (a view would carry the whole slab across).
    const rendered = msg.tasks.map((t) => {
      const r = renderTask(t, init.flags);
      return { ...r, fragment: r.fragment.slice() };
    });
    const reply: FromWorker = { rendered };
    port.postMessage(reply);
  });
  const ready: FromWorker = { ready: true };
  port.postMessage(ready);
}
