/**
 * Issue 12, item 1: n8n's editor hides every parameter a credential's displayOptions name (it
 * takes them for authentication fields). Credentials keyed on `resource` hid the Resource
 * selector, so credentials may name `authentication` only. Each resource must still get its
 * credential, with n8n's own parameter resolution, also for nodes saved without `authentication`.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourcesOf } from '../../../nodes/SePay/actions/registry';
import { SePay } from '../../../nodes/SePay/SePay.node';
import { SePayPaymentGatewayTrigger } from '../../../nodes/SePay/SePayPaymentGatewayTrigger.node';
import { SePayPollingTrigger } from '../../../nodes/SePay/SePayPollingTrigger.node';
import { SePayTrigger } from '../../../nodes/SePay/SePayTrigger.node';

const nodes: INodeType[] = [
	new SePay(),
	new SePayTrigger(),
	new SePayPollingTrigger(),
	new SePayPaymentGatewayTrigger(),
];

/** The credential types n8n shows (and requires) for these saved parameters. */
function shownCredentials(description: INodeTypeDescription, saved: INodeParameters): string[] {
	const resolved =
		NodeHelpers.getNodeParameters(
			description.properties,
			saved,
			true,
			false,
			{ typeVersion: 1 },
			description,
		) ?? {};
	return (description.credentials ?? [])
		.filter((credential) =>
			NodeHelpers.displayParameter(resolved, credential, { typeVersion: 1 }, description),
		)
		.map((credential) => credential.name);
}

function optionValues(description: INodeTypeDescription, name: string): string[] {
	return description.properties
		.filter((p) => p.name === name)
		.flatMap((p) => (p.options ?? []).map((o) => String((o as { value: unknown }).value)));
}

/**
 * n8n 2.8 editor (users.store: getNodeAuthFields + isAuthRelatedParameter): the auth fields are the
 * properties credentials' displayOptions.show name; a parameter named in an auth field's own
 * displayOptions.show is hidden from the parameter list too.
 */
function hiddenByEditor(description: INodeTypeDescription): string[] {
	const authNames = new Set(
		(description.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.show ?? {})),
	);
	const authFields = description.properties.filter((p) => authNames.has(p.name));
	const related = new Set(
		authFields.flatMap((field) => Object.keys(field.displayOptions?.show ?? {})),
	);
	return [
		...new Set(
			description.properties
				.filter((p) => authNames.has(p.name) || related.has(p.name))
				.map((p) => p.name),
		),
	];
}

describe.each(nodes.map((n) => [n.description.name, n.description] as const))(
	'%s',
	(_name, description) => {
		it('the editor hides no parameter (Resource, Authentication and Registration stay selectors)', () => {
			expect(hiddenByEditor(description)).toEqual([]);
		});

		it('no credential is keyed by `show`: n8n would mix every credential type into one list and pre-select across them', () => {
			expect(
				(description.credentials ?? []).filter((c) => c.displayOptions?.show).map((c) => c.name),
			).toEqual([]);
		});

		it("credentials' displayOptions name only `authentication`", () => {
			for (const credential of description.credentials ?? []) {
				const keys = Object.keys({
					...credential.displayOptions?.show,
					...credential.displayOptions?.hide,
				});
				expect({ credential: credential.name, keys }).toEqual({
					credential: credential.name,
					keys: keys.length ? ['authentication'] : [],
				});
			}
		});
	},
);

describe('SePay node: every resource selectable, each with its credential', () => {
	const { description } = new SePay();
	const resources = optionValues(description, 'resource');
	const einvoice = resourcesOf('einvoice');
	const banking = resourcesOf('banking');
	const paymentGateway = resourcesOf('paymentGateway');

	it('offers every resource of every API and each API family its Authentication', () => {
		expect(einvoice).toEqual(
			expect.arrayContaining(['einvoiceToken', 'einvoiceUsage', 'invoice', 'providerAccount']),
		);
		expect(banking).toEqual(
			expect.arrayContaining([
				'bankAccount',
				'company',
				'profile',
				'transaction',
				'virtualAccountOrder',
				'webhook',
			]),
		);
		expect(paymentGateway).toEqual(expect.arrayContaining(['checkout', 'paymentGatewayOrder']));
		expect(resources).toEqual(
			expect.arrayContaining([...einvoice, ...banking, ...paymentGateway, 'paymentQr']),
		);
		expect(optionValues(description, 'authentication')).toEqual(
			expect.arrayContaining(['apiToken', 'oAuth2', 'eInvoiceApi', 'paymentGatewayApi']),
		);
	});

	it.each(banking)('%s: API token by default, OAuth2 when chosen', (resource) => {
		expect(shownCredentials(description, { resource })).toEqual(['sePayApi']);
		expect(shownCredentials(description, { resource, authentication: 'oAuth2' })).toEqual([
			'sePayOAuth2Api',
		]);
	});

	it.each(einvoice)(
		'%s: the eInvoice credential, also when saved without `authentication`',
		(resource) => {
			expect(shownCredentials(description, { resource })).toEqual(['sePayEInvoiceApi']);
			expect(shownCredentials(description, { resource, authentication: 'eInvoiceApi' })).toEqual([
				'sePayEInvoiceApi',
			]);
		},
	);

	it.each(paymentGateway)(
		'%s: the Payment Gateway credential, also when saved without `authentication`',
		(resource) => {
			expect(shownCredentials(description, { resource })).toEqual(['sePayPaymentGatewayApi']);
			expect(
				shownCredentials(description, { resource, authentication: 'paymentGatewayApi' }),
			).toEqual(['sePayPaymentGatewayApi']);
		},
	);

	it('Payment QR needs no credential', () => {
		expect(shownCredentials(description, { resource: 'paymentQr' })).toEqual([]);
	});
});

describe('SePay Trigger: the OAuth2 credential only for automatic registration', () => {
	const { description } = new SePayTrigger();
	it('manual (the default) needs none; automatic, saved before `authentication` existed, needs OAuth2', () => {
		expect(shownCredentials(description, {})).toEqual([]);
		expect(shownCredentials(description, { registration: 'automatic' })).toEqual([
			'sePayOAuth2Api',
		]);
	});
});

describe('SePay Payment Gateway Trigger: its one credential, always', () => {
	it('needs the Payment Gateway credential', () => {
		expect(shownCredentials(new SePayPaymentGatewayTrigger().description, {})).toEqual([
			'sePayPaymentGatewayApi',
		]);
	});
});

describe('texts the editor shows (issue 12, item 6)', () => {
	it("no actions-panel heading reads as one word in capitals (n8n heads groups '<resource> actions')", () => {
		const { description } = new SePay();
		for (const name of description.properties
			.filter((p) => p.name === 'resource')
			.flatMap((p) => (p.options ?? []).map((o) => o.name))) {
			// "eInvoice" became "EINVOICE ACTIONS"; a word with a capital after a lower-case start does that.
			expect(name).not.toMatch(/\b[a-z]+[A-Z]/);
		}
	});

	it.each([
		['apiKey', 'apiKeyMissingNotice', 'apiKey'],
		['hmac', 'hmacSecretMissingNotice', 'hmacSecret'],
	])(
		'SePay Trigger (%s): a notice explains the greyed test button until the secret is typed',
		(verification, notice, field) => {
			const { description } = new SePayTrigger();
			const property = description.properties.find((p) => p.name === notice);
			expect(property?.displayName).toContain('Test this trigger');
			const shown = (value: string) =>
				NodeHelpers.displayParameter(
					{ registration: 'manual', verification, [field]: value },
					property!,
					{ typeVersion: 1 },
					description,
				);
			expect(shown('')).toBe(true);
			expect(shown('a-long-key')).toBe(false);
		},
	);
});
