/**
 * Fair turns for the embedded database. PGlite runs each query synchronously on the main thread
 * and queues the others behind a mutex whose hand-over is a microtask: under load, one chain of
 * microtasks drains the whole queue (50 requests' queries, 100 ms and more) without the event loop
 * polling once — no connection is accepted and no new request is read until it ends. A person
 * who connected during a chain waited for every chain until their connection was accepted, one per
 * chain: 1–3 s, where the median was 0.1 s (issue "Fast under load", item 1).
 *
 * Here every query or transaction waits its turn in one FIFO queue, and the event loop polls at
 * least every POLL_EVERY_MS between turns (the next turn then starts in a setImmediate): connections
 * are accepted and requests read as they arrive, and they queue in the order they came, while a run
 * of quick queries does not pay a poll each.
 */
export interface Turns {
  /** Runs `work` when every earlier call's work has finished, in a turn of its own. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Calls waiting or running now. */
  readonly pending: number;
}

/** The longest the queue runs turns back to back (microtasks) before it lets the event loop poll. */
export const POLL_EVERY_MS = 4;

export function createTurns(pollEveryMs = POLL_EVERY_MS): Turns {
  const queue: (() => void)[] = [];
  let busy = false;
  let polled = performance.now();
  const fromPoll = (start: () => void) => () => {
    polled = performance.now();
    start();
  };
  const next = () => {
    const start = queue.shift();
    if (!start) busy = false;
    // Back to back while the event loop polled a moment ago (cheap turns keep their throughput);
    // otherwise the next turn waits for one poll (setImmediate runs right after it).
    else if (performance.now() - polled < pollEveryMs) queueMicrotask(start);
    else setImmediate(fromPoll(start));
  };
  return {
    get pending() {
      return queue.length + (busy ? 1 : 0);
    },
    run<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          let result: Promise<T>;
          try {
            result = work();
          } catch (error) {
            result = Promise.reject(error);
          }
          result.then(resolve, reject).finally(next);
        };
        if (busy) queue.push(start);
        else {
          busy = true;
          setImmediate(fromPoll(start));
        }
      });
    },
  };
}

/** The methods of a PGlite client that take the database for a while (drizzle calls these). */
interface Takes {
  query: (...args: never[]) => Promise<unknown>;
  exec: (...args: never[]) => Promise<unknown>;
  transaction: (...args: never[]) => Promise<unknown>;
}

/** Makes `client`'s queries, execs and transactions take fair turns (see above). */
export function takeTurns<C extends Takes>(client: C, turns: Turns = createTurns()): C {
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(client, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => turns.run(() => original(...args)),
    });
  }
  return client;
}
