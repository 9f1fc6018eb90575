/**
 * One Redis command over a plain socket (RESP), for the test's own probes: is n8n's job queue
 * drained. Integer and simple-string replies only; no client library needed.
 */
import { connect } from 'node:net';

export function redisCommand(port: number, args: string[]): Promise<string | number> {
	return new Promise((resolve, reject) => {
		const frame = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
		const socket = connect({ host: '127.0.0.1', port }, () => socket.write(frame));
		let buffer = '';
		socket.on('data', (b) => {
			buffer += b.toString();
			if (!buffer.endsWith('\r\n')) return;
			socket.destroy();
			const line = buffer.slice(1, -2);
			if (buffer[0] === ':') resolve(Number(line));
			else if (buffer[0] === '+') resolve(line);
			else reject(new Error(`redis ${args[0]}: ${buffer.trim()}`));
		});
		socket.once('error', reject);
		socket.setTimeout(5000, () => {
			socket.destroy();
			reject(new Error(`redis ${args[0]}: no answer`));
		});
	});
}

/** Jobs of n8n's queue (Bull, prefix "bull", queue "jobs") still waiting or running. */
export async function pendingJobs(port: number): Promise<number> {
	const waiting = await redisCommand(port, ['LLEN', 'bull:jobs:wait']);
	const active = await redisCommand(port, ['LLEN', 'bull:jobs:active']);
	const delayed = await redisCommand(port, ['ZCARD', 'bull:jobs:delayed']);
	return Number(waiting) + Number(active) + Number(delayed);
}
