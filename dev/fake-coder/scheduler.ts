/**
 * The one place the fake sets timers, so close() and reset can cancel every
 * pending state change at once.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(delayMs: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        action();
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  get size(): number {
    return this.timers.size;
  }
}
