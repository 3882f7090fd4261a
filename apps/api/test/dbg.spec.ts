import { startApi } from './api-harness';
it('starts and closes', async () => {
  const api = await startApi();
  const t = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  await api.close();
  console.log('closed in', Date.now() - t);
}, 120000);
