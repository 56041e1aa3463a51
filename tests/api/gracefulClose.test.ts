/**
 * Graceful close of the HTTP side (services/api/gracefulClose.ts): while the app closes, the request in flight
 * is answered with Connection: close, and a request still arriving on that connection is not carried out
 * (refused with 503 shutting_down; Node drops that answer once the connection is to close).
 */
import { connect } from 'node:net';
import Fastify from 'fastify';
import t from 'tap';
import { registerGracefulClose } from '../../services/api/gracefulClose.js';

t.test('while the app closes, the request in flight is answered with Connection: close and a late one is not carried out', async (t) => {
  const app = Fastify({ return503OnClosing: false });
  registerGracefulClose(app);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  app.get('/slow', async () => {
    await held;
    return { done: true };
  });
  let carriedOut = 0;
  app.post('/write', async () => ({ written: ++carriedOut }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const socket = connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString()));
  socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((r) => setTimeout(r, 50));
  const closed = app.close();
  await new Promise((r) => setTimeout(r, 50));
  socket.write('POST /write HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
  await new Promise((r) => setTimeout(r, 50));
  release();
  await new Promise((r) => socket.once('close', r));
  await closed;
  t.match(answer, /^HTTP\/1\.1 200 [^]*connection: close[^]*\{"done":true\}$/i, 'the request in flight is answered, the connection to close after it');
  // Node sends nothing after a response that closed the connection: the late request must not have run.
  t.equal(carriedOut, 0, 'the request that arrived while closing was not carried out');

});
