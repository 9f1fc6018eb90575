/**
 * API v2 per-order virtual accounts (reference D): `/v2/bank-accounts/{ba_xid}/orders…`, prefixes
 * (Sacombank) and terminals (Vietcombank), Bearer API token. Paying a VA (control API) books the
 * ordinary bank transaction with `code` = order code and `subAccount` = VA number, delivered to the
 * webhooks like any other (D.7). Seeded accounts: Vietcombank and BIDV support VA orders; the
 * others answer 422 unsupported_bank.
 */
import type { Ctx } from './context';
import { bearerToken, json, type EmuRequest, type EmuResponse, type Router } from './http';
import { pagination, positiveInt, sliceFor } from './paging';
import { deriveUuid } from './prng';
import { buildTransaction } from './simulate';
import { formatVnTime, nowVn } from './time';
import type { BankAccount, Delivery, Transaction } from './types';

export interface VaOrderVa {
	va_number: string;
	va_holder_name: string;
	amount: number | null;
	status: 'Unpaid' | 'Paid' | 'Cancelled';
	expired_at: string | null;
	paid_at: string | null;
}

export interface VaOrder {
	id: string;
	bankAccountId: number;
	order_code: string;
	amount: number | null;
	paid_amount: number;
	status: 'Pending' | 'Paid' | 'Partially' | 'Cancelled';
	created_at: string;
	updated_at: string;
	createdMs: number;
	va: VaOrderVa[];
}

/** The Vietcombank terminals of the seeded VCB account (V2-TERM). */
export const VCB_TERMINALS = [
	{
		xid: '7d0c4f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
		tid: '20933557',
		name: 'POS counter 1',
		created_at: '2026-04-26 09:15:00',
	},
	{
		xid: '8e1d5a8f-2b3c-4d4e-9f0a-1b2c3d4e5f60',
		tid: '20933558',
		name: 'Website',
		created_at: '2026-04-27 10:00:00',
	},
];

const SUPPORTED = ['BIDV', 'VCB', 'STB'];

function error(status: number, code: string, message: string): EmuResponse {
	return json(status, { status: 'error', message, error_code: code });
}

export class VaOrderState {
	orders: VaOrder[] = [];
	private n = 0;

	constructor(private readonly seed: number) {}

	nextId(): string {
		return deriveUuid(this.seed, 'va-order', ++this.n);
	}

	vaNumber(account: BankAccount, prefix: string | undefined): string {
		const serial = String(this.n).padStart(7, '0');
		if (account.bank.code === 'VCB')
			return `970497${String(account.id).padStart(4, '0')}${serial.slice(-6)}`;
		if (account.bank.code === 'STB') return `${prefix ?? 'SEP'}${serial}`;
		return `963NQD${serial}${String(this.seed).padStart(4, '0').slice(-4)}`;
	}
}

function view(order: VaOrder, account: BankAccount): Record<string, unknown> {
	const { bankAccountId: _a, createdMs: _c, ...rest } = order;
	void _a;
	void _c;
	return {
		...rest,
		bank_name: account.bank.short_name,
		account_number: account.accountNumber,
		account_holder_name: account.holderName,
	};
}

function qr(account: BankAccount, va: VaOrderVa): string {
	const amount = va.amount ? `&amount=${va.amount}` : '';
	return `https://vietqr.app/img?acc=${va.va_number}&bank=${account.bank.code}${amount}&template=compact`;
}

function expiry(duration: unknown): string | null {
	const seconds = Number(duration);
	return Number.isInteger(seconds) && seconds > 0
		? formatVnTime(Date.now() + seconds * 1000)
		: null;
}

export function registerVaOrders(router: Router, ctx: Ctx): void {
	const state = () => ctx.state.vaOrders;
	const add = (
		method: string,
		path: string,
		handler: (req: EmuRequest, account: BankAccount) => EmuResponse,
	) =>
		router.add(method, `/v2/bank-accounts/:ba${path}`, (req) => {
			if (bearerToken(req.headers) !== ctx.secrets.apiToken)
				return error(401, 'unauthorized', 'Invalid or disabled API token');
			const account = ctx.state.findAccountByUuid(req.params.ba);
			if (!account) return error(404, 'not_found', 'Bank account not found');
			return handler(req, account);
		});
	const orderOf = (req: EmuRequest, account: BankAccount) =>
		state().orders.find((o) => o.id === req.params.order && o.bankAccountId === account.id);
	const body = (req: EmuRequest) =>
		req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};

	add('POST', '/orders', (req, account) => {
		if (!SUPPORTED.includes(account.bank.code))
			return error(422, 'unsupported_bank', 'This bank does not support VA orders');
		const b = body(req);
		const vcb = account.bank.code === 'VCB';
		const stb = account.bank.code === 'STB';
		if (vcb) {
			if (/^[0-9a-f-]{36}$/i.test(String(b.tid ?? '')))
				return error(
					422,
					'invalid_tid_format',
					'tid must be the Vietcombank terminal ID, not its xid',
				);
			if (!VCB_TERMINALS.some((t) => t.tid === String(b.tid ?? '')))
				return error(422, 'invalid_tid', 'The terminal does not belong to this bank account');
		}
		if (stb && !b.va_prefix)
			return error(422, 'validation_error', 'va_prefix is required for Sacombank');
		const amount =
			b.amount === undefined || b.amount === null || b.amount === '' ? null : Number(b.amount);
		if (amount !== null && (!Number.isInteger(amount) || amount <= 0 || amount >= 1e12))
			return error(422, 'validation_error', 'amount must be a positive integer');
		if (amount === null && (vcb || stb))
			return error(422, 'validation_error', 'amount is required for this bank');
		const s = state();
		const code = String(b.order_code ?? '') || `ORD${String(s.orders.length + 1).padStart(9, '0')}`;
		if (!/^[A-Za-z0-9]{6,50}$/.test(code) || (vcb && code.length > 15))
			return error(
				422,
				'validation_error',
				`order_code must be 6-${vcb ? 15 : 50} letters or digits`,
			);
		if (s.orders.some((o) => o.order_code === code && o.bankAccountId === account.id))
			return error(422, 'duplicate_order_code', 'order_code already exists');
		const id = s.nextId();
		const va: VaOrderVa = {
			va_number: s.vaNumber(account, b.va_prefix as string | undefined),
			va_holder_name: String(b.va_holder_name ?? '') || account.holderName,
			amount,
			status: 'Unpaid',
			expired_at: expiry(b.duration),
			paid_at: null,
		};
		const now = nowVn();
		const order: VaOrder = {
			id,
			bankAccountId: account.id,
			order_code: code,
			amount,
			paid_amount: 0,
			status: 'Pending',
			created_at: now,
			updated_at: now,
			createdMs: Date.now(),
			va: [va],
		};
		s.orders.push(order);
		registerVa(ctx, account, va);
		const withQr = String(b.with_qrcode ?? '0') === '1';
		return json(201, {
			status: 'success',
			message: 'Order created successfully',
			data: {
				id,
				order_code: code,
				va_number: va.va_number,
				va_holder_name: va.va_holder_name,
				amount,
				status: order.status,
				bank_name: account.bank.short_name,
				account_holder_name: account.holderName,
				account_number: account.accountNumber,
				expired_at: va.expired_at,
				qr_code: withQr ? 'data:image/png;base64,iVBORw0KGgo=' : null,
				qr_code_url: withQr ? qr(account, va) : null,
			},
		});
	});
	add('GET', '/orders', (req, account) => {
		const page = {
			page: positiveInt(req.query.page) || 1,
			perPage: Math.min(positiveInt(req.query.per_page) || 20, 100),
		};
		const dir = req.query.created_at_sort === 'asc' ? 1 : -1;
		let list = state()
			.orders.filter((o) => o.bankAccountId === account.id)
			.sort((a, b) => dir * (a.createdMs - b.createdMs) || dir * a.id.localeCompare(b.id));
		if (req.query.amount_sort === 'asc' || req.query.amount_sort === 'desc') {
			const amountDir = req.query.amount_sort === 'asc' ? 1 : -1;
			list = list.sort((a, b) => amountDir * ((a.amount ?? 0) - (b.amount ?? 0)));
		}
		return json(200, {
			status: 'success',
			data: sliceFor(list, page).map((o) => view(o, account)),
			meta: { pagination: pagination(list.length, page) },
		});
	});
	add('GET', '/orders/:order', (req, account) => {
		const order = orderOf(req, account);
		return order
			? json(200, { status: 'success', data: view(order, account) })
			: error(404, 'not_found', 'Order not found');
	});
	add('DELETE', '/orders/:order', (req, account) => {
		const order = orderOf(req, account);
		if (!order) return error(404, 'not_found', 'Order not found');
		if (order.status !== 'Pending')
			return error(
				422,
				'invalid_state',
				`Only Pending orders can be cancelled (order is ${order.status})`,
			);
		order.status = 'Cancelled';
		for (const va of order.va) if (va.status === 'Unpaid') va.status = 'Cancelled';
		order.updated_at = nowVn();
		return { status: 204 };
	});
	add('POST', '/orders/:order/va', (req, account) => {
		const order = orderOf(req, account);
		if (!order) return error(404, 'not_found', 'Order not found');
		const allowed = account.bank.code === 'STB' ? ['Pending'] : ['Pending', 'Partially'];
		if (!allowed.includes(order.status))
			return error(
				422,
				'invalid_state',
				`A VA can only be added to a ${allowed.join(' or ')} order`,
			);
		const b = body(req);
		const amount =
			b.amount === undefined || b.amount === null || b.amount === '' ? null : Number(b.amount);
		if (
			amount !== null &&
			(!Number.isInteger(amount) || amount <= 0 || (order.amount !== null && amount > order.amount))
		) {
			return error(
				422,
				'validation_error',
				'amount must be a positive integer not above the order amount',
			);
		}
		state().nextId();
		const va: VaOrderVa = {
			va_number: state().vaNumber(account, undefined),
			va_holder_name: String(b.va_holder_name ?? '') || account.holderName,
			amount,
			status: 'Unpaid',
			expired_at: expiry(b.duration),
			paid_at: null,
		};
		order.va.push(va);
		registerVa(ctx, account, va);
		const { paid_at: _p, ...shown } = va;
		void _p;
		return json(201, { status: 'success', message: 'VA created successfully', data: shown });
	});
	add('DELETE', '/orders/:order/va/:va', (req, account) => {
		const order = orderOf(req, account);
		const va = order?.va.find((v) => v.va_number === req.params.va);
		if (!order || !va) return error(404, 'not_found', 'VA not found');
		if (va.status !== 'Unpaid')
			return error(422, 'invalid_state', `Only Unpaid VAs can be cancelled (VA is ${va.status})`);
		va.status = 'Cancelled';
		return { status: 204 };
	});
	router.add('GET', '/_control/va-orders', () => json(200, { data: state().orders }));
	router.add('POST', '/_control/va-orders/:order/pay', (req) => {
		const b = body(req);
		try {
			const paid = payVaOrder(ctx, req.params.order, {
				vaNumber: b.vaNumber as string | undefined,
				amount: b.amount as number | undefined,
				content: b.content as string | undefined,
			});
			return json(200, {
				data: paid.order,
				transactionId: paid.transaction.id,
				deliveryIds: paid.deliveries.map((d) => d.id),
			});
		} catch (e) {
			return json(400, { error: 'bad_request', message: (e as Error).message });
		}
	});
	add('GET', '/prefixes', (_req, account) => {
		if (account.bank.code !== 'STB')
			return error(422, 'unsupported_bank', 'VA prefixes exist only for Sacombank accounts');
		return json(200, {
			status: 'success',
			data: [],
			meta: { pagination: pagination(0, { page: 1, perPage: 20 }) },
		});
	});
	add('GET', '/terminals', (req, account) => {
		if (account.bank.code !== 'VCB')
			return error(422, 'unsupported_bank', 'Terminals exist only for Vietcombank accounts');
		const q = (req.query.q ?? '').toLowerCase();
		const list = VCB_TERMINALS.filter(
			(t) => !q || t.tid.includes(q) || t.name.toLowerCase().includes(q),
		);
		return json(200, {
			status: 'success',
			data: list,
			meta: { pagination: pagination(list.length, { page: 1, perPage: 100 }) },
		});
	});
}

/** The VA exists at the bank like any other VA of the account, so a payment to it can carry it as subAccount. */
function registerVa(ctx: Ctx, account: BankAccount, va: VaOrderVa): void {
	const now = nowVn();
	ctx.state.vas.push({
		id: 10_000 + ctx.state.vas.length,
		uuid: deriveUuid(ctx.state.seed, 'va-order-va', ctx.state.vas.length),
		bankAccountId: account.id,
		va: va.va_number,
		subHolderName: va.va_holder_name,
		label: null,
		active: true,
		official: true,
		static: false,
		createdAt: now,
		updatedAt: now,
	});
}

/**
 * The customer pays a VA (default: the order's first unpaid one, its full amount): the VA and order
 * statuses move on and the bank transaction is booked and delivered to the webhooks.
 */
export function payVaOrder(
	ctx: Ctx,
	orderId: string,
	input: { vaNumber?: string; amount?: number; content?: string } = {},
): { order: VaOrder; transaction: Transaction; deliveries: Delivery[] } {
	const order = ctx.state.vaOrders.orders.find((o) => o.id === orderId);
	if (!order) throw new Error(`VA order ${orderId} not found`);
	const va = order.va.find((v) =>
		input.vaNumber ? v.va_number === input.vaNumber : v.status === 'Unpaid',
	);
	if (!va || va.status !== 'Unpaid')
		throw new Error(`No unpaid VA ${input.vaNumber ?? ''} in order ${order.order_code}`);
	const amount = input.amount ?? va.amount ?? order.amount ?? 0;
	if (!(amount > 0)) throw new Error('amount must be positive');
	const account = ctx.state.findAccount(order.bankAccountId) as BankAccount;
	const transaction = buildTransaction(ctx.state, {
		bankAccountId: account.id,
		amount,
		content: input.content ?? `${order.order_code} thanh toan don hang`,
		code: order.order_code,
		subAccount: va.va_number,
	});
	va.status = 'Paid';
	va.paid_at = transaction.transactionDate;
	order.paid_amount += amount;
	order.status = order.amount === null || order.paid_amount >= order.amount ? 'Paid' : 'Partially';
	order.updated_at = nowVn();
	return { order, transaction, deliveries: ctx.deliveries.deliverTransaction(transaction) };
}
