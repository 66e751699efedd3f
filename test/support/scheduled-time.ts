/**
 * Time for property tests that drive the address book with fast-check's scheduler (`fc.scheduler()`): the scheduler
 * decides when every adapter answer and the book's own coalescing timer fire, so a run explores an interleaving
 * without waiting on the wall clock, and replays exactly from its seed.
 */
import type fc from 'fast-check';

/**
 * Resolves in a new task, once every pending microtask has run: promise chains, Lit updates and @lit/task runs have
 * then settled. A MessageChannel is not clamped like a nested `setTimeout(0)` (4 ms after five levels).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Hands the page's timers of the given delays to the scheduler until the returned function is called: such a timer
 * fires when the scheduler releases it, in any order with the other scheduled tasks. Timers of other delays (the test
 * runner's, floating-ui's) keep the real clock. An exception in a callback is passed to `onError` (a real timer's
 * would be an uncaught error).
 */
export function scheduleTimers(scheduler: fc.Scheduler, delays: readonly number[], onError: (error: unknown) => void): () => void {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  // Ids far above the browser's own, so clearing a real timer is told apart from clearing a scheduled one.
  let nextId = 1_000_000_000;
  const pending = new Set<number>();

  function scheduledSetTimeout(handler: TimerHandler, delay = 0, ...args: unknown[]): number {
    if (typeof handler !== 'function' || !delays.includes(delay)) return realSetTimeout(handler, delay, ...args);
    const id = nextId++;
    pending.add(id);
    void scheduler.schedule(Promise.resolve(), `setTimeout(${delay} ms)`).then(() => {
      if (!pending.delete(id)) return;
      try {
        (handler as (...values: unknown[]) => void)(...args);
      } catch (error) {
        onError(error);
      }
    });
    return id;
  }

  function scheduledClearTimeout(id?: number): void {
    if (id !== undefined && pending.delete(id)) return;
    realClearTimeout(id);
  }

  window.setTimeout = scheduledSetTimeout as typeof window.setTimeout;
  window.clearTimeout = scheduledClearTimeout as typeof window.clearTimeout;
  return () => {
    window.setTimeout = realSetTimeout;
    window.clearTimeout = realClearTimeout;
    pending.clear();
  };
}
