/**
 * Waits for what a reactor or the projection does after a 201 (a seat filled, a fee applied): probes every 50 ms
 * until the probe answers something truthy, and returns it; throws naming `what` after `tries` probes.
 */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
