/** Entry point: `npm start`. Serves the API on the configured store and prints where the docs are. */
import pino from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { startRuntime } from './runtime.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`configuration error: ${problem}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization'] });
  const runtime = await startRuntime(config, { logger });
  if (config.clock === 'manual') {
    logger.warn('CLOCK=manual: the server clock only moves when an admin sets it (POST /v1/admin/clock); never use this in production');
  }
  const address = await runtime.app.listen({ port: config.port, host: config.host });
  logger.info({ store: runtime.deps.store.name, dataDir: config.dataDir }, 'compound-governance API listening');
  console.log(`API listening on ${address}\nAPI docs:  ${address}/docs\nhealth:    ${address}/health`);

  // ops: graceful shutdown. Stop accepting; answer the requests in flight (later ones on open connections get
  // 503 shutting_down, api/gracefulClose.ts); stop the reactors and the scheduler; let the projection thread
  // finish its batch; the store's writer commits what it holds and folds its WAL; exit 0. Past
  // SHUTDOWN_TIMEOUT_MS it gives up and exits 1 (what was acknowledged is durable either way).
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    console.log(`shutting down (${signal}): finishing the requests in flight and the writer's batch`);
    const timer = setTimeout(() => {
      console.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms: exiting without waiting further`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await runtime.close();
    } catch (error) {
      console.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    clearTimeout(timer);
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `failed to start: ${error.message}` : error);
  process.exit(1);
});
