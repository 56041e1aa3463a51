/**
 * Writes events the way another application sharing the database would (binary, or JSON without our
 * envelope), bypassing the port. Used by the adapter's tests to check that readAll, subscribe and
 * headPosition skip them and readStream refuses them.
 */
import { binaryEvent, jsonEvent } from '@eventstore/db-client';
import type { EsdbClient } from './connection.js';

export async function appendForeign(client: EsdbClient, streamId: string): Promise<void> {
  await client.appendToStream(streamId, [
    binaryEvent({ type: 'ForeignBinary', data: new Uint8Array([1, 2, 3]) }),
    jsonEvent({ type: 'ForeignJson', data: { hello: 'world' }, metadata: { app: 'someone-else' } }),
  ]);
}
