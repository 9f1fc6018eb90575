/**
 * The "downstream system" of the queue-mode trigger workflows: an HTTP server on 127.0.0.1 that
 * the workflows' last node POSTs to (`/<lane>/<transaction id>`). It counts runs per lane and id,
 * which is what exactly-once is about: how often the shop's own system was told about a payment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class RunSink {
	private server?: Server;

	private readonly counts = new Map<string, Map<string, number>>();

	baseUrl = '';

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const [, lane, id] = (req.url ?? '').split('/');
			req.resume();
			req.on('end', () => {
				if (lane && id) {
					const perLane = this.counts.get(lane) ?? new Map<string, number>();
					perLane.set(decodeURIComponent(id), (perLane.get(decodeURIComponent(id)) ?? 0) + 1);
					this.counts.set(lane, perLane);
				}
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** How many runs reached the sink for this lane and id. */
	runs(lane: string, id: string | number): number {
		return this.counts.get(lane)?.get(String(id)) ?? 0;
	}

	/** Total runs of a lane. */
	total(lane: string): number {
		let sum = 0;
		for (const n of this.counts.get(lane)?.values() ?? []) sum += n;
		return sum;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}
}
