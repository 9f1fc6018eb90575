/** The pure parts of the queue-mode runner (the servers and n8n run in `npm run e2e -- --mode queue`). */
import { createServer, type Server } from 'node:net';

import { choosePort } from './services';
import { RunSink } from './sink';

describe('choosePort', () => {
	let busy: Server;
	let busyPort = 0;
	beforeAll(async () => {
		busy = createServer();
		await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
		busyPort = (busy.address() as { port: number }).port;
	});
	afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

	it('refuses a port in use, naming the flag to change', async () => {
		await expect(choosePort(busyPort, '--redis-port', 'Redis')).rejects.toThrow(
			`Redis: port ${busyPort} on 127.0.0.1 is already in use; pass --redis-port <another port>`,
		);
	});

	it('takes a free requested port, or picks one', async () => {
		const free = await choosePort(undefined, '--postgres-port', 'PostgreSQL');
		expect(free).toBeGreaterThan(0);
		expect(await choosePort(free, '--postgres-port', 'PostgreSQL')).toBe(free);
	});
});

describe('RunSink', () => {
	it('counts runs per lane and id', async () => {
		const sink = await new RunSink().start();
		try {
			for (const path of ['/plain/7', '/plain/7', '/recipe/7', '/plain/8']) {
				const res = await fetch(`${sink.baseUrl}${path}`, { method: 'POST', body: '{}' });
				expect(res.status).toBe(200);
			}
			expect(sink.runs('plain', 7)).toBe(2);
			expect(sink.runs('plain', '8')).toBe(1);
			expect(sink.runs('recipe', 7)).toBe(1);
			expect(sink.runs('recipe', 8)).toBe(0);
			expect(sink.total('plain')).toBe(3);
		} finally {
			await sink.close();
		}
	});
});
