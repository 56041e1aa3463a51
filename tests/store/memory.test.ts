import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { storeContract } from '../support/storeContract.js';

t.test('memory adapter passes the store contract', async (t) => {
  storeContract(t, async () => memoryStore());
});
