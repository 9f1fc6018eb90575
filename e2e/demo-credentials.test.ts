import { demoCredentials } from './demo-credentials';
import type { Emulator } from '../emulator';

/** Issue 12 item 5: n8n pre-selects the most recently updated usable credential; it must be the API token. */
it('stamps the API token credential newest (and imports it last)', () => {
	const emu = {
		baseUrl: 'http://127.0.0.1:1',
		secrets: {},
		issueOAuthToken: () => ({ access_token: 'a' }),
	} as unknown as Emulator;
	const list = demoCredentials(emu, 3, Date.UTC(2026, 0, 1));
	const newest = [...list].sort((a, b) =>
		String(b.updatedAt).localeCompare(String(a.updatedAt)),
	)[0];
	expect(newest.type).toBe('sePayApi');
	expect(list.at(-1)?.type).toBe('sePayApi');
	expect(new Set(list.map((c) => c.updatedAt)).size).toBe(list.length);
});
