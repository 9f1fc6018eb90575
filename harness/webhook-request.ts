/**
 * Turns Node's http request/response into the express-like objects n8n hands to a webhook
 * node (`getRequestObject()` / `getResponseObject()`), and parses the body like n8n 2.8:
 * n8n-core's parseIncomingMessage for content type/charset, then JSON, urlencoded, text/plain
 * and XML into `req.body`, the raw bytes in `req.rawBody`; multipart becomes
 * `{ data: fields, files }`. Invalid JSON fails with n8n's 422 "Failed to parse request body".
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseQueryString } from 'node:querystring';
import { createGunzip, createInflate } from 'node:zlib';

import { parseIncomingMessage } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/** n8n-workflow already adds contentType, encoding, rawBody and readRawBody to IncomingMessage. */
export interface HarnessRequest extends IncomingMessage {
	body?: unknown;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
}

export interface HarnessResponse extends ServerResponse {
	status(code: number): HarnessResponse;
	json(data: unknown): HarnessResponse;
	send(data?: unknown): HarnessResponse;
	header(name: string | Record<string, string>, value?: string): HarnessResponse;
	set(name: string | Record<string, string>, value?: string): HarnessResponse;
}

/** n8n's UnprocessableRequestError as the client sees it (status 422). */
export class BodyParseError extends Error {
	constructor(readonly hint: string) {
		super('Failed to parse request body');
	}
}

export function toHarnessRequest(req: IncomingMessage, url: URL): HarnessRequest {
	const request = req as HarnessRequest;
	parseIncomingMessage(request);
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const all = url.searchParams.getAll(key);
		query[key] = all.length > 1 ? all : all[0];
	}
	request.query = query;
	request.params = {};
	request.readRawBody = async () => {
		if (request.rawBody as Buffer | undefined) return;
		const encoding = request.headers['content-encoding'];
		const stream =
			encoding === 'gzip'
				? req.pipe(createGunzip())
				: encoding === 'deflate'
					? req.pipe(createInflate())
					: req;
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		request.rawBody = Buffer.concat(chunks);
		request._body = true;
	};
	return request;
}

const PARSED_BY_V2 = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];

/**
 * What n8n's executeWebhook does before calling webhook(): multipart/form-data is parsed into
 * `{ data, files }`; nodes with typeVersion 1 get parseBody for every other type, newer
 * versions only for JSON, text, urlencoded and XML (the rest is left to the node).
 */
export async function parseWebhookBody(req: HarnessRequest, nodeVersion: number): Promise<void> {
	const type = req.contentType;
	if (type === 'multipart/form-data') return await parseMultipart(req);
	const parsedByV2 =
		PARSED_BY_V2.some((t) => type?.startsWith(t)) ||
		type?.endsWith('/xml') ||
		type?.endsWith('+xml');
	if (nodeVersion === 1 || parsedByV2) await parseBody(req);
}

/** n8n's parseBody: fills req.body from req.rawBody by content type. */
export async function parseBody(req: HarnessRequest): Promise<void> {
	if (req.contentType?.startsWith('multipart/')) return;
	await req.readRawBody();
	const { rawBody, contentType } = req;
	const encoding = (req.encoding ?? 'utf-8') as BufferEncoding;
	if (!rawBody?.length) return;
	try {
		if (contentType === 'application/json') {
			req.body = jsonParse(rawBody.toString(encoding));
		} else if (contentType?.endsWith('/xml') || contentType?.endsWith('+xml')) {
			req.body = await parseXml(rawBody.toString(encoding));
		} else if (contentType === 'application/x-www-form-urlencoded') {
			req.body = parseQueryString(rawBody.toString(encoding), undefined, undefined, {
				maxKeys: 1000,
			});
		} else if (contentType === 'text/plain') {
			req.body = rawBody.toString(encoding);
		}
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- an HTTP answer, not a node error
		throw new BodyParseError((error as Error).message);
	}
}

async function parseXml(text: string): Promise<unknown> {
	// xml2js comes with n8n-core; same options as n8n's body parser.
	const { Parser } = require('xml2js') as {
		Parser: new (o: IDataObject) => { parseStringPromise(s: string): Promise<unknown> };
	};
	return await new Parser({
		async: true,
		normalize: true,
		normalizeTags: true,
		explicitArray: false,
	}).parseStringPromise(text);
}

/** Small multipart/form-data reader: fields into `data`, files saved to a temp dir. */
async function parseMultipart(req: HarnessRequest): Promise<void> {
	await req.readRawBody();
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
	const raw = req.rawBody;
	const data: IDataObject = {};
	const files: IDataObject = {};
	if (boundary) {
		const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
		let start = raw.indexOf(delimiter);
		while (start !== -1) {
			const next = raw.indexOf(delimiter, start + delimiter.length);
			if (next === -1) break;
			const part = raw.subarray(start + delimiter.length + 2, next - 2);
			const headerEnd = part.indexOf('\r\n\r\n');
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const content = part.subarray(headerEnd + 4);
			const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
			const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
			if (filename !== undefined) {
				const filepath = join(mkdtempSync(join(tmpdir(), 'harness-upload-')), filename || 'file');
				writeFileSync(filepath, content);
				files[name] = {
					filepath,
					originalFilename: filename,
					mimetype: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream',
					size: content.length,
				};
			} else {
				const value = content.toString('utf8');
				const existing = data[name];
				data[name] =
					existing === undefined ? value : (([] as unknown[]).concat(existing, value) as string[]);
			}
			start = next;
		}
	}
	req.body = { data, files };
}

export function toHarnessResponse(res: ServerResponse): HarnessResponse {
	const response = res as HarnessResponse;
	response.status = (code) => {
		response.statusCode = code;
		return response;
	};
	response.header = (name, value) => {
		if (typeof name === 'string') response.setHeader(name, value ?? '');
		else for (const [k, v] of Object.entries(name)) response.setHeader(k, v);
		return response;
	};
	response.set = response.header;
	response.json = (data) => {
		if (!response.getHeader('content-type'))
			response.setHeader('content-type', 'application/json; charset=utf-8');
		response.end(data === undefined ? '' : JSON.stringify(data));
		return response;
	};
	// Like express: strings as HTML, Buffers as octet-stream, everything else as JSON.
	response.send = (data) => {
		if (typeof data === 'string') {
			if (!response.getHeader('content-type'))
				response.setHeader('content-type', 'text/html; charset=utf-8');
			response.end(data);
		} else if (Buffer.isBuffer(data)) {
			if (!response.getHeader('content-type'))
				response.setHeader('content-type', 'application/octet-stream');
			response.end(data);
		} else if (data === undefined) {
			response.end();
		} else {
			response.json(data);
		}
		return response;
	};
	return response;
}
