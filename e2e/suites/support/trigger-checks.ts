/**
 * Helpers of the `trigger` suite: requests that do not come from SePay (forged, malformed),
 * SePay's success rule on the emulator's delivery log, and the ledger of executions each
 * workflow must end up with (checked exactly at the end).
 */
import { createHmac } from 'node:crypto';

import type { Delivery, SimulatedTransaction, WebhookPayload } from '../../../emulator';
import { assert } from '../../assert';
import type { ExecutionRecord } from '../../n8n-rest';
import { nodeItems } from '../../run-data';
import { NEXT_NODE, TRIGGER_NODE } from './trigger-workflows';

export interface HttpAnswer {
	status: number;
	body: string;
}

/** One POST to n8n as any client could send it. */
export async function post(
	url: string,
	body: string,
	headers: Record<string, string>,
): Promise<HttpAnswer> {
	const res = await fetch(url, {
		method: 'POST',
		headers,
		body,
		signal: AbortSignal.timeout(15_000),
	});
	return { status: res.status, body: await res.text() };
}

/** SePay's signature headers for `body` at `timestamp` (unix seconds). */
export function hmacHeaders(
	secret: string,
	body: string,
	timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
	const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
	return { 'x-sepay-timestamp': String(timestamp), 'x-sepay-signature': `sha256=${signature}` };
}

/** A transaction-shaped body no bank ever reported (id far above the emulator's). */
export function fakePayload(id: number, amount: number): WebhookPayload {
	return {
		id,
		gateway: 'Vietcombank',
		transactionDate: '2026-11-20 10:00:00',
		accountNumber: '0071000000000',
		subAccount: null,
		code: 'DH999999',
		content: 'DH999999 forged transfer',
		transferType: 'in',
		description: 'forged',
		transferAmount: amount,
		accumulated: 1,
		referenceCode: 'FT000000',
	};
}

/** The trigger's refusal: the status and its body, nothing about the secret. */
export function assertRefused(answer: HttpAnswer, status: number, message: string): void {
	assert.equal(
		answer.status,
		status,
		`expected ${status}, got ${answer.status} ${answer.body.slice(0, 200)}`,
	);
	assert.deepEqual(JSON.parse(answer.body), { success: false, message });
}

/** Every attempt SePay counts as a success: HTTP 200 and exactly {"success":true}. */
export function assertAttemptOk(attempt: Delivery['attempts'][number], what: string): void {
	assert.equal(
		attempt.status,
		200,
		`${what}: answered ${attempt.status} ${attempt.body ?? attempt.error ?? ''}`,
	);
	assert.deepEqual(
		JSON.parse(attempt.body ?? 'null'),
		{ success: true },
		`${what}: body ${attempt.body}`,
	);
	assert.ok(attempt.success, `${what}: the emulator did not count the attempt as a success`);
}

/** A delivery that succeeded at its first attempt (awaits it). */
export async function deliveredOnce(
	delivery: Delivery,
	settled: Promise<unknown>,
	what: string,
): Promise<Delivery> {
	await settled;
	assert.equal(
		delivery.status,
		'success',
		`${what}: delivery ${delivery.status} after ${delivery.attempts.length} attempts`,
	);
	assert.equal(delivery.attempts.length, 1, `${what}: ${delivery.attempts.length} attempts`);
	assertAttemptOk(delivery.attempts[0], what);
	return delivery;
}

/** The only delivery of a simulated transaction (one webhook matches each account). */
export function onlyDelivery(sim: SimulatedTransaction, webhookId: number): Delivery {
	assert.equal(
		sim.deliveries.length,
		1,
		`transaction ${sim.transaction.id} went to ${sim.deliveries.length} webhooks`,
	);
	assert.equal(sim.deliveries[0].webhookId, webhookId);
	return sim.deliveries[0];
}

export const SIMPLE_KEYS = [
	'amount',
	'balance',
	'bank',
	'bankAccountNumber',
	'content',
	'date',
	'direction',
	'id',
	'paymentCode',
	'reference',
	'subAccount',
];

/** The item Simplify makes of a webhook payload (the shape users build on). */
export function simplified(p: WebhookPayload): Record<string, unknown> {
	return {
		id: p.id,
		date: p.transactionDate,
		bankAccountNumber: p.accountNumber,
		bank: p.gateway,
		direction: p.transferType,
		amount: p.transferAmount,
		balance: p.accumulated,
		content: p.content,
		paymentCode: p.code,
		reference: p.referenceCode,
		subAccount: p.subAccount,
	};
}

/** What each workflow's executions must be: one per expected item, keyed by transaction id. */
export class ExpectedRuns {
	private readonly byWorkflow = new Map<string, Map<string, Record<string, unknown>>>();

	add(workflowId: string, item: Record<string, unknown>): void {
		const list = this.byWorkflow.get(workflowId) ?? new Map<string, Record<string, unknown>>();
		list.set(String(item.id), item);
		this.byWorkflow.set(workflowId, list);
	}

	count(workflowId: string): number {
		return this.byWorkflow.get(workflowId)?.size ?? 0;
	}

	/**
	 * Exactly the expected executions: each successful, one trigger item equal to the expected
	 * one (so ids, amounts and keys are exact), the next node ran, no id twice, nothing extra.
	 */
	check(workflowId: string, executions: ExecutionRecord[]): void {
		const expected = this.byWorkflow.get(workflowId) ?? new Map<string, Record<string, unknown>>();
		const seen = executions.map((execution) => {
			assert.equal(
				execution.status,
				'success',
				`execution ${execution.id} of ${workflowId} is ${execution.status}`,
			);
			const items = nodeItems(execution, TRIGGER_NODE);
			assert.equal(
				items.length,
				1,
				`execution ${execution.id} of ${workflowId}: ${items.length} trigger items`,
			);
			assert.equal(
				nodeItems(execution, NEXT_NODE).length,
				1,
				`execution ${execution.id} of ${workflowId}: ${NEXT_NODE} did not run`,
			);
			return items[0];
		});
		const ids = seen.map((item) => String(item.id)).sort();
		assert.deepEqual(
			ids,
			[...expected.keys()].sort(),
			`${workflowId}: transaction ids of the executions`,
		);
		for (const item of seen)
			assert.deepEqual(
				item,
				expected.get(String(item.id)),
				`${workflowId}: item of transaction ${String(item.id)}`,
			);
	}
}
