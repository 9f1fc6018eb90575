/**
 * The banking suite's workflows, built from the emulator's seeded state (the same after every
 * reset): one workflow per authentication with every operation as its own branch, so one
 * `n8n execute` covers them all, and one that must fail (an OAuth2-only operation, API token).
 */
import type { Emulator } from '../../../emulator';
import type { WorkflowJson } from '../../n8n-instance';
import { node, ourType, sepayNode, type NodeJson } from '../../workflow-json';
import { continueOnFail, manualBranches } from './branches';

export const BANKING_WF = {
	apiToken: 'e2eBankingApiTok01',
	oAuth2: 'e2eBankingOAuth2001',
	oAuth2Only: 'e2eBankingNeedsOA01',
};

export const HOOK_URL = 'http://127.0.0.1:9/sepay-e2e-banking-hook';
export const HOOK_KEY = 'e2e-banking-hook-key-7c41d2';
export const QR = { amount: 150_000, description: 'DH123456', bank: 'Vietcombank' };

/** Company → Update Configurations input (node fields) and what SePay should store. */
const NEW_FORMATS = [
	{ prefix: 'PO', suffixFrom: 5, suffixTo: 7, characterType: 'NumberAndLetter', isActive: true },
	{ prefix: 'DH', suffixFrom: 6, suffixTo: 8, characterType: 'NumberOnly', isActive: false },
];
export const STORED_FORMATS = NEW_FORMATS.map((f) => ({
	prefix: f.prefix,
	suffix_from: f.suffixFrom,
	suffix_to: f.suffixTo,
	character_type: f.characterType,
	is_active: f.isActive,
}));

const rl = (mode: 'id' | 'accountNumber', value: string) => ({ __rl: true, mode, value });

/** The accounts and transactions the workflows name; the assertions use the same picks. */
export function picks(emu: Emulator) {
	const s = emu.state;
	const [first, second] = s.accounts;
	// The account with the most virtual accounts, so the VA list is longer than one.
	const withVas = [...s.accounts].sort((a, b) => s.vasOf(b.id).length - s.vasOf(a.id).length)[0];
	const busiest = [...s.accounts].sort(
		(a, b) => (s.byAccount.get(b.id)?.length ?? 0) - (s.byAccount.get(a.id)?.length ?? 0),
	)[0];
	// A transaction with a payment code (and a VA if any), so every Simplify field carries a value.
	const tx =
		s.transactions.find((t) => t.code && t.subAccount) ??
		s.transactions.find((t) => t.code) ??
		s.transactions[0];
	const txAccount = s.findAccount(tx.bankAccountId)!;
	return { first, second, withVas, busiest, tx, txAccount };
}

function apiTokenWorkflow(emu: Emulator): WorkflowJson {
	const { first, second, withVas, busiest, tx } = picks(emu);
	const at = (name: string, parameters: Record<string, unknown>) =>
		sepayNode(name, { authentication: 'apiToken', ...parameters }, 'apiToken');
	const qr = (name: string, parameters: Record<string, unknown>): NodeJson =>
		node(name, ourType('sePay'), {
			resource: 'paymentQr',
			operation: 'generate',
			accountNumber: first.accountNumber,
			bank: QR.bank,
			amount: QR.amount,
			paymentDescription: QR.description,
			...parameters,
		});
	return manualBranches(BANKING_WF.apiToken, 'e2e banking: every operation with the API token', [
		[
			at('AT Accounts', { resource: 'bankAccount', operation: 'getAll', returnAll: true }),
			// One input item per account: the locator takes each item's id by expression.
			at('AT Account Each', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: rl('id', '={{ $json.id }}'),
			}),
		],
		[
			at('AT Account By Id', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: rl('id', first.uuid),
			}),
		],
		[
			at('AT Account By Number', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: rl('accountNumber', second.accountNumber),
			}),
		],
		[
			at('AT Accounts At Bank', {
				resource: 'bankAccount',
				operation: 'getAll',
				returnAll: false,
				limit: 50,
				filters: { bank: second.bank.short_name },
			}),
		],
		[
			at('AT VAs', {
				resource: 'bankAccount',
				operation: 'getVirtualAccounts',
				bankAccount: rl('id', withVas.uuid),
				returnAll: true,
			}),
		],
		[at('AT Tx Get', { resource: 'transaction', operation: 'get', transactionId: tx.uuid })],
		[
			at('AT Tx Get Raw', {
				resource: 'transaction',
				operation: 'get',
				transactionId: tx.uuid,
				simplify: false,
			}),
		],
		[
			at('AT Tx Filtered', {
				resource: 'transaction',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { bankAccount: rl('accountNumber', busiest.accountNumber), transferType: 'in' },
				sort: 'transaction_date_sort:asc',
			}),
		],
		[
			at('AT Tx All', {
				resource: 'transaction',
				operation: 'getAll',
				returnAll: true,
				sort: 'transaction_date_sort:asc',
			}),
		],
		[
			at('AT Count', {
				resource: 'transaction',
				operation: 'count',
				filters: { bankAccount: rl('id', busiest.uuid), transferType: 'in' },
			}),
		],
		[continueOnFail(at('AT Profile', { resource: 'profile', operation: 'get' }))],
		[qr('QR Url', { options: { template: 'compact' } })],
		[
			qr('QR Image', {
				download: true,
				binaryPropertyName: 'qr',
				options: { qrServiceUrl: `${emu.baseUrl}/img` },
			}),
		],
	]);
}

function oAuth2Workflow(emu: Emulator): WorkflowJson {
	const { first, second, withVas, busiest, tx, txAccount } = picks(emu);
	const oa = (name: string, parameters: Record<string, unknown>) =>
		sepayNode(name, { authentication: 'oAuth2', ...parameters }, 'oAuth2');
	const created = "={{ $('WH Create').item.json.id }}";
	return manualBranches(BANKING_WF.oAuth2, 'e2e banking: every operation with OAuth2', [
		[oa('OA Accounts', { resource: 'bankAccount', operation: 'getAll', returnAll: true })],
		[
			oa('OA Accounts Limit', {
				resource: 'bankAccount',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
			}),
		],
		[
			oa('OA Account By Id', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: rl('id', String(first.id)),
			}),
		],
		[
			oa('OA Account By Number', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: rl('accountNumber', second.accountNumber),
			}),
		],
		[
			oa('OA VAs', {
				resource: 'bankAccount',
				operation: 'getVirtualAccounts',
				bankAccount: rl('accountNumber', withVas.accountNumber),
				returnAll: true,
			}),
		],
		[oa('OA Tx Get', { resource: 'transaction', operation: 'get', transactionId: String(tx.id) })],
		[
			oa('OA Tx Filtered', {
				resource: 'transaction',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: {
					bankAccount: rl('accountNumber', txAccount.accountNumber),
					referenceNumber: tx.referenceNumber,
				},
			}),
		],
		[
			oa('OA Tx Limit', {
				resource: 'transaction',
				operation: 'getAll',
				returnAll: false,
				limit: 7,
				filters: { bankAccount: rl('id', String(busiest.id)) },
			}),
		],
		[oa('OA Tx All', { resource: 'transaction', operation: 'getAll', returnAll: true })],
		[
			oa('OA Count', {
				resource: 'transaction',
				operation: 'count',
				filters: { bankAccount: rl('accountNumber', busiest.accountNumber) },
			}),
		],
		[oa('OA Count All', { resource: 'transaction', operation: 'count' })],
		[oa('OA Profile', { resource: 'profile', operation: 'get' })],
		[oa('OA Company', { resource: 'company', operation: 'get' })],
		[
			oa('WH Create', {
				resource: 'webhook',
				operation: 'create',
				webhookUrl: HOOK_URL,
				name: 'e2e banking hook',
				eventType: 'All',
				bankMode: 'single',
				bankAccount: rl('accountNumber', first.accountNumber),
				authenType: 'Api_Key',
				apiKey: HOOK_KEY,
				additionalFields: {},
			}),
			oa('WH Get', { resource: 'webhook', operation: 'get', webhookId: '={{ $json.id }}' }),
			oa('WH Update', {
				resource: 'webhook',
				operation: 'update',
				webhookId: created,
				updateFields: { name: 'e2e banking hook renamed', active: false },
			}),
			oa('WH Get Many', {
				resource: 'webhook',
				operation: 'getAll',
				returnAll: true,
				filters: { webhookUrl: 'sepay-e2e-banking-hook' },
			}),
			oa('WH Delete', { resource: 'webhook', operation: 'delete', webhookId: created }),
		],
		// Last branch (v1 order runs branches top to bottom): Company → Get above saw the seeded formats.
		[
			oa('OA Company Update', {
				resource: 'company',
				operation: 'updateConfigurations',
				paymentCodeFormats: { format: NEW_FORMATS },
			}),
		],
	]);
}

/** Webhook → Get Many with the API token, no Continue On Fail: the execution must fail. */
function oAuth2OnlyWorkflow(): WorkflowJson {
	return manualBranches(
		BANKING_WF.oAuth2Only,
		'e2e banking: OAuth2-only operation with the API token',
		[
			[
				sepayNode(
					'AT Webhooks',
					{ resource: 'webhook', operation: 'getAll', authentication: 'apiToken', returnAll: true },
					'apiToken',
				),
			],
		],
	);
}

export function bankingWorkflows(emu: Emulator): WorkflowJson[] {
	return [apiTokenWorkflow(emu), oAuth2Workflow(emu), oAuth2OnlyWorkflow()];
}
