/** The real server process for tests: services/ops/serverProcess.ts (the soak benchmark uses it too). */
export { startServerProcess, stopServerProcess, type ServerProcess } from '../../services/ops/serverProcess.js';
