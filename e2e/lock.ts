/**
 * A cross-process lock made of a directory (mkdir is atomic) holding the owner's pid, so two
 * runs never install into the same folder at once. A lock whose owner died is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { say } from './progress';

function ownerAlive(lockDir: string): boolean {
	let pid: number;
	try {
		pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
	} catch {
		return true; // being created right now: treat as alive
	}
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** true when created, false when it exists already. */
function tryMkdir(dir: string): boolean {
	let failure: NodeJS.ErrnoException;
	try {
		mkdirSync(dir);
		return true;
	} catch (e) {
		failure = e as NodeJS.ErrnoException;
	}
	if (failure.code === 'EEXIST') return false;
	throw new Error(`cannot create the lock ${dir}: ${failure.code ?? failure.message}`);
}

export async function withLock<T>(
	lockDir: string,
	label: string,
	fn: () => Promise<T>,
	timeoutMs = 45 * 60_000,
): Promise<T> {
	const started = Date.now();
	let announced = false;
	let unknownSince = 0;
	for (;;) {
		if (tryMkdir(lockDir)) {
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			break;
		}
		// No pid file for long: the owner died between mkdir and write.
		const alive = ownerAlive(lockDir);
		let pidMissing = false;
		try {
			readFileSync(join(lockDir, 'pid'));
		} catch {
			pidMissing = true;
		}
		if (pidMissing) unknownSince ||= Date.now();
		else unknownSince = 0;
		if (!alive || (pidMissing && Date.now() - unknownSince > 10_000)) {
			say(label, `removing a stale lock ${lockDir}`);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!announced) {
			say(label, `another process holds ${lockDir}; waiting for it`);
			announced = true;
		}
		if (Date.now() - started > timeoutMs)
			throw new Error(`${label}: gave up waiting for the lock ${lockDir}`);
		await new Promise((r) => setTimeout(r, 2000));
	}
	try {
		return await fn();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}
