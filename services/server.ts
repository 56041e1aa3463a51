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
      console.error(`configuration error: ${error.message}`);
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

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await runtime.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `failed to start: ${error.message}` : error);
  process.exit(1);
});
