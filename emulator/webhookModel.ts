/**
 * Validation and normalisation of webhook input, shared by POST/PATCH /api/v1/webhooks (strict)
 * and the control API (lenient defaults). Which create fields SePay requires is UNCONFIRMED; we
 * require what SePay's own plugins always send.
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorState } from './state';
import { nowVn } from './time';
import type { AuthenType, EventType, RequestContentType, Webhook } from './types';

export type FieldErrors = Record<string, string[]>;

const EVENT_TYPES: EventType[] = ['In_only', 'Out_only', 'All'];
const AUTHEN_TYPES: AuthenType[] = ['No_Authen', 'Api_Key', 'HMAC_SHA256'];
const CONTENT_TYPES: RequestContentType[] = [
	'Json',
	'application_x-www-form-urlencoded',
	'multipart_form-data',
];
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** The emulator must never send traffic off the machine. */
export function loopbackUrlError(url: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'The webhook_url must be a valid URL.';
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
		return 'The webhook_url must use http or https.';
	if (!LOOPBACK_HOSTS.includes(parsed.hostname)) {
		return 'The SePay emulator only delivers webhooks to 127.0.0.1 or localhost; other hosts are refused.';
	}
	return null;
}

function toBool(value: unknown): boolean | undefined {
	if (value === true || value === 1 || value === '1' || value === 'true') return true;
	if (value === false || value === 0 || value === '0' || value === 'false') return false;
	return undefined;
}

function toInt(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

interface Mode {
	/** Control API: fill defaults instead of requiring fields. */
	lenient: boolean;
	/** PATCH: only the given fields are checked. */
	partial: boolean;
}

/**
 * Returns the fields to set (already normalised) or the field errors. `current` is the webhook
 * being patched, needed to check cross-field rules (Api_Key needs api_key).
 */
export function validateWebhookInput(
	input: Record<string, unknown>,
	state: EmulatorState,
	mode: Mode,
	current?: Webhook,
): { fields: Partial<Webhook> } | { errors: FieldErrors } {
	const errors: FieldErrors = {};
	const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
	const fields: Partial<Webhook> = {};
	const has = (k: string) => input[k] !== undefined && input[k] !== null;
	const requireField = (k: string) => {
		if (!has(k) && !mode.partial && !mode.lenient) fail(k, `The ${k} field is required.`);
	};

	requireField('webhook_url');
	if (has('webhook_url')) {
		if (typeof input.webhook_url !== 'string' || !input.webhook_url)
			fail('webhook_url', 'The webhook_url must be a string.');
		else {
			const err = loopbackUrlError(input.webhook_url);
			if (err) fail('webhook_url', err);
			else fields.webhook_url = input.webhook_url;
		}
	} else if (mode.lenient && !mode.partial)
		fail('webhook_url', 'The webhook_url field is required.');

	requireField('name');
	if (has('name')) {
		if (typeof input.name !== 'string' || !input.name.trim())
			fail('name', 'The name must be a non-empty string.');
		else if (input.name.length > 300)
			fail('name', 'The name may not be greater than 300 characters.');
		else fields.name = input.name;
	}

	requireField('event_type');
	if (has('event_type')) {
		if (!EVENT_TYPES.includes(input.event_type as EventType))
			fail('event_type', `The event_type must be one of: ${EVENT_TYPES.join(', ')}.`);
		else fields.event_type = input.event_type as EventType;
	}

	requireField('authen_type');
	if (has('authen_type')) {
		if (input.authen_type === 'OAuth2.0')
			fail('authen_type', 'authen_type OAuth2.0 is not supported by the SePay emulator.');
		else if (!AUTHEN_TYPES.includes(input.authen_type as AuthenType))
			fail('authen_type', `The authen_type must be one of: ${AUTHEN_TYPES.join(', ')}, OAuth2.0.`);
		else fields.authen_type = input.authen_type as AuthenType;
	}

	if (has('request_content_type')) {
		if (!CONTENT_TYPES.includes(input.request_content_type as RequestContentType)) {
			fail(
				'request_content_type',
				`The request_content_type must be one of: ${CONTENT_TYPES.join(', ')}.`,
			);
		} else fields.request_content_type = input.request_content_type as RequestContentType;
	}

	if (!mode.lenient) requireField('bank_account_id');
	if (has('bank_account_id')) {
		const id = toInt(input.bank_account_id);
		if (id === undefined) fail('bank_account_id', 'The bank_account_id must be an integer.');
		else if (id !== 0 && !state.findAccount(id))
			fail('bank_account_id', 'The selected bank_account_id is invalid.');
		else fields.bank_account_id = id;
	}
	if (has('bank_account_ids')) {
		const ids = input.bank_account_ids;
		if (
			!Array.isArray(ids) ||
			ids.some((x) => toInt(x) === undefined || !state.findAccount(toInt(x) as number))
		) {
			fail('bank_account_ids', 'The bank_account_ids must be an array of your bank account ids.');
		} else fields.bank_account_ids = ids.map((x) => toInt(x) as number);
	}
	if (has('bank_mode')) {
		if (!['single', 'multi', 'all'].includes(input.bank_mode as string))
			fail('bank_mode', 'The bank_mode must be one of: single, multi, all.');
		else fields.bank_mode = input.bank_mode as Webhook['bank_mode'];
	}

	for (const key of ['is_verify_payment', 'skip_if_no_code', 'only_va', 'active'] as const) {
		if (!has(key)) continue;
		const b = toBool(input[key]);
		if (b === undefined) fail(key, `The ${key} field must be true or false (1 or 0).`);
		else fields[key] = b;
	}

	if (has('prefix_filters')) {
		const p = input.prefix_filters;
		if (!Array.isArray(p) || p.some((x) => typeof x !== 'string' || !x))
			fail('prefix_filters', 'The prefix_filters must be an array of strings.');
		else fields.prefix_filters = p as string[];
	}

	if (has('retry_conditions')) {
		const r = input.retry_conditions as Record<string, unknown>;
		const v = r && typeof r === 'object' ? toBool(r.non_2xx_status_code) : undefined;
		if (v === undefined)
			fail('retry_conditions', 'The retry_conditions.non_2xx_status_code must be 0 or 1.');
		else fields.retry_conditions = { non_2xx_status_code: v ? 1 : 0 };
	}

	if (has('api_key')) {
		if (typeof input.api_key !== 'string' || !input.api_key)
			fail('api_key', 'The api_key must be a non-empty string.');
		else fields.api_key = input.api_key;
	}
	if (has('secret_key')) {
		if (typeof input.secret_key !== 'string' || input.secret_key.length < 8)
			fail('secret_key', 'The secret_key must be a string of at least 8 characters.');
		else fields.secret_key = input.secret_key;
	}
	const authen = fields.authen_type ?? current?.authen_type;
	if (authen === 'Api_Key' && !(fields.api_key ?? current?.api_key) && !mode.lenient) {
		fail('api_key', 'The api_key field is required when authen_type is Api_Key.');
	}
	const bankMode = fields.bank_mode ?? current?.bank_mode;
	if (bankMode === 'multi' && !(fields.bank_account_ids ?? current?.bank_account_ids)?.length) {
		fail('bank_account_ids', 'The bank_account_ids field is required when bank_mode is multi.');
	}
	return Object.keys(errors).length ? { errors } : { fields };
}

/** Builds a new webhook from validated fields, with defaults and generated secrets. */
export function createWebhook(
	fields: Partial<Webhook>,
	state: EmulatorState,
	source: 'api' | 'control',
): Webhook {
	const authen = fields.authen_type ?? 'No_Authen';
	const bankAccountId = fields.bank_account_id ?? 0;
	const webhook: Webhook = {
		id: state.nextWebhookId++,
		bank_account_id: bankAccountId,
		bank_mode: fields.bank_mode ?? (bankAccountId === 0 ? 'all' : 'single'),
		bank_account_ids: fields.bank_account_ids ?? (bankAccountId ? [bankAccountId] : []),
		name: fields.name ?? `Webhook ${state.nextWebhookId - 1}`,
		event_type: fields.event_type ?? 'All',
		authen_type: authen,
		api_key:
			authen === 'Api_Key'
				? (fields.api_key ?? randomBytes(16).toString('hex'))
				: (fields.api_key ?? null),
		secret_key:
			authen === 'HMAC_SHA256'
				? (fields.secret_key ?? `whsec_${randomBytes(24).toString('hex')}`)
				: null,
		webhook_url: fields.webhook_url as string,
		request_content_type: fields.request_content_type ?? 'Json',
		is_verify_payment: fields.is_verify_payment ?? false,
		skip_if_no_code: fields.skip_if_no_code ?? false,
		prefix_filters: fields.prefix_filters ?? [],
		// UNCONFIRMED default for the API; control-API webhooks retry unless told otherwise.
		retry_conditions: fields.retry_conditions ?? {
			non_2xx_status_code: source === 'control' ? 1 : 0,
		},
		only_va: fields.only_va ?? false,
		active: fields.active ?? true,
		created_at: nowVn(),
		source,
	};
	state.webhooks.set(webhook.id, webhook);
	return webhook;
}

export function applyWebhookUpdate(webhook: Webhook, fields: Partial<Webhook>): void {
	Object.assign(webhook, fields);
	if (webhook.authen_type === 'HMAC_SHA256' && !webhook.secret_key)
		webhook.secret_key = `whsec_${randomBytes(24).toString('hex')}`;
	if (fields.bank_account_id !== undefined && fields.bank_mode === undefined) {
		webhook.bank_mode = fields.bank_account_id === 0 ? 'all' : 'single';
		webhook.bank_account_ids = fields.bank_account_id ? [fields.bank_account_id] : [];
	}
}
