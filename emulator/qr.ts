/**
 * VietQR image endpoint (qr.sepay.vn/img): `acc` and `bank` required (400 otherwise), `amount`
 * (non-negative integer) and `des` optional. Returns a small valid PNG whose QR-like pattern is
 * derived from the parameters; it is not a scannable QR code.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

import { json, type Router } from './http';

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(buf: Buffer): number {
	let c = 0xffffffff;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([len, typeAndData, crc]);
}

/** 8-bit grayscale PNG of a 29×29 module pattern (3 px per module, 4-module quiet zone). */
export function qrLikePng(text: string): Buffer {
	const modules = 29;
	const scale = 3;
	const quiet = 4;
	const size = (modules + quiet * 2) * scale;
	const bits: boolean[] = [];
	let hash = createHash('sha256').update(text).digest();
	while (bits.length < modules * modules) {
		for (const byte of hash) for (let b = 0; b < 8; b++) bits.push(((byte >> b) & 1) === 1);
		hash = createHash('sha256').update(hash).digest();
	}
	const finder = (x: number, y: number) => {
		for (const [fx, fy] of [
			[0, 0],
			[modules - 7, 0],
			[0, modules - 7],
		]) {
			const dx = x - fx;
			const dy = y - fy;
			if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
				const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
				return ring !== 1;
			}
		}
		return null;
	};
	const raw = Buffer.alloc(size * (size + 1), 255);
	for (let py = 0; py < size; py++) {
		raw[py * (size + 1)] = 0; // filter: none
		for (let px = 0; px < size; px++) {
			const mx = Math.floor(px / scale) - quiet;
			const my = Math.floor(py / scale) - quiet;
			if (mx < 0 || my < 0 || mx >= modules || my >= modules) continue;
			const dark = finder(mx, my) ?? bits[my * modules + mx];
			if (dark) raw[py * (size + 1) + 1 + px] = 0;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 0; // grayscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export function registerQr(router: Router): void {
	router.add('GET', '/img', (req) => {
		const { acc, bank, amount, des, template, download } = req.query;
		const errors: Record<string, string[]> = {};
		if (!acc) errors.acc = ['acc (account number) is required'];
		if (!bank) errors.bank = ['bank (short name, code or BIN) is required'];
		if (amount !== undefined && amount !== '' && !/^\d+$/.test(amount))
			errors.amount = ['amount must be a non-negative integer'];
		if (template && !['compact', 'qronly', 'standee'].includes(template))
			errors.template = ['template must be compact, qronly or standee'];
		if (Object.keys(errors).length)
			return json(400, { error: 'bad_request', message: Object.values(errors)[0][0], errors });
		const png = qrLikePng(
			JSON.stringify({ acc, bank, amount: amount ?? '', des: des ?? '', template: template ?? '' }),
		);
		const headers: Record<string, string> = {
			'Content-Type': 'image/png',
			'Cache-Control': 'public, max-age=86400',
		};
		if (download === 'true' || download === '1')
			headers['Content-Disposition'] = `attachment; filename="vietqr-${acc}.png"`;
		return { status: 200, headers, body: png };
	});
}
