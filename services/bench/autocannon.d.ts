/** The little of autocannon's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      requests: { total: number; average: number };
      latency: { p50: number; p99: number; average: number };
      duration: number;
      errors: number;
      statusCodeStats?: Record<string, { count: number }>;
    }
  }
  function autocannon(
    options: Record<string, unknown>,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): { on(event: 'response', listener: () => void): void };
  export default autocannon;
}
