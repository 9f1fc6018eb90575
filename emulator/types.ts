/**
 * Public types of the SePay emulator (see README.md). Everything a test or the e2e suite touches
 * is declared here so the other files stay small.
 */

export interface EmulatorOptions {
	/** TCP port; 0 (default) picks a free one. */
	port?: number;
	/** Listen address; default 127.0.0.1 (the emulator never listens publicly by default). */
	host?: string;
	/** Seed of every generated value (data, demo secrets, ids). Default 1. */
	seed?: number;
	/**
	 * Where the seeded history ends (epoch ms). Default SEED_END_MS, a fixed date, so tests never
	 * depend on the clock; `npm start` passes one anchored to today (see demoClock.ts).
	 */
	seedEndMs?: number;
	/** Number of seeded bank transactions. Default 200. */
	transactions?: number;
	/**
	 * `false` (default) or requests per second per credential. `strict: true` is SePay v2's rule:
	 * per IP, before authentication, on every API (not the token endpoints), and a client refused
	 * with 429 is blocked until its Retry-After has passed (requests before that: `earlyRequests`).
	 */
	rateLimit?: false | { perSecond: number; strict?: boolean };
	/** OAuth2 access-token life. Default 3600 s. */
	accessTokenTtlSeconds?: number;
	/** OAuth2 refresh-token life. Default 30 days. */
	refreshTokenTtlSeconds?: number;
	/** eInvoice bearer-token life. Default 86400 s. */
	einvoiceTokenTtlSeconds?: number;
	/** How long an eInvoice job stays Pending. Default 300 ms. */
	einvoiceJobDelayMs?: number;
	/** eInvoice issuances available. Default 1000. */
	einvoiceQuota?: number;
	/** Real milliseconds in one "minute" of SePay's retry schedule. Default 60000. */
	retryMinuteMs?: number;
	/** Per-attempt timeout of a webhook delivery. Default 30000 (SePay: 30 s). */
	deliveryTimeoutMs?: number;
	/** When set, /oauth/authorize and /oauth/token require exactly this redirect_uri. */
	oauthRedirectUri?: string;
	/** How many received requests `requests` keeps (oldest dropped first). Default 5000. */
	requestLogLimit?: number;
	/**
	 * The clock of the rate limit and of injected latency (default: real time). Tests pass their
	 * own to decide what "now" is and when a delay ends, instead of measuring real time.
	 */
	clock?: EmulatorClock;
}

export interface EmulatorClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'oauthRedirectUri'>> & {
	oauthRedirectUri?: string;
};

export interface EmulatorSecrets {
	oauthClientId: string;
	oauthClientSecret: string;
	oauthRedirectUri?: string;
	apiToken: string;
	einvoiceClientId: string;
	einvoiceClientSecret: string;
	/** Payment Gateway merchant ID and secret key (checkout signature, order API, IPN X-Secret-Key). */
	pgMerchantId: string;
	pgSecretKey: string;
}

export interface Bank {
	short_name: string;
	full_name: string;
	code: string;
	bin: string;
	slug: string;
}

export interface BankAccount {
	id: number;
	uuid: string;
	bank: Bank;
	accountNumber: string;
	holderName: string;
	label: string | null;
	accumulated: number;
	lastTransaction: string | null;
	active: boolean;
	createdAt: string;
}

export interface VirtualAccount {
	id: number;
	uuid: string;
	bankAccountId: number;
	va: string;
	subHolderName: string;
	label: string | null;
	active: boolean;
	official: boolean;
	static: boolean;
	createdAt: string;
	updatedAt: string;
}

export interface Transaction {
	/** Numeric SePay id: API v1 `id` and webhook payload `id`. */
	id: number;
	/** API v2 `id`. */
	uuid: string;
	bankAccountId: number;
	transferType: 'in' | 'out';
	/** Integer VND, always positive. */
	amount: number;
	/** Balance after the transaction. */
	accumulated: number;
	content: string;
	description: string;
	code: string | null;
	referenceNumber: string;
	subAccount: string | null;
	vaId: number | null;
	/** `YYYY-MM-DD HH:mm:ss`, Vietnam time. */
	transactionDate: string;
	/** Epoch ms of transactionDate, for range filters. */
	time: number;
	webhookSuccess: 0 | 1;
}

export type EventType = 'In_only' | 'Out_only' | 'All';
export type AuthenType = 'No_Authen' | 'Api_Key' | 'HMAC_SHA256';
export type RequestContentType =
	| 'Json'
	| 'application_x-www-form-urlencoded'
	| 'multipart_form-data';

export interface Webhook {
	id: number;
	bank_account_id: number;
	bank_mode: 'single' | 'multi' | 'all';
	bank_account_ids: number[];
	name: string;
	event_type: EventType;
	authen_type: AuthenType;
	api_key: string | null;
	secret_key: string | null;
	webhook_url: string;
	request_content_type: RequestContentType;
	is_verify_payment: boolean;
	skip_if_no_code: boolean;
	prefix_filters: string[];
	retry_conditions: { non_2xx_status_code: 0 | 1 };
	only_va: boolean;
	active: boolean;
	created_at: string;
	/** Where it was registered: the OAuth2 API or the control API. */
	source: 'api' | 'control';
}

/** Exactly the body SePay posts (§6.2). */
export interface WebhookPayload {
	id: number;
	gateway: string;
	transactionDate: string;
	accountNumber: string;
	subAccount: string | null;
	code: string | null;
	content: string;
	transferType: 'in' | 'out';
	description: string;
	transferAmount: number;
	accumulated: number;
	referenceCode: string;
}

export interface DeliveryAttempt {
	number: number;
	/** Vietnam time `YYYY-MM-DD HH:mm:ss`. */
	at: string;
	/** Epoch ms when the attempt started. */
	startedAt: number;
	/** HTTP status, or null when the connection failed / timed out. */
	status: number | null;
	body: string | null;
	error: string | null;
	success: boolean;
	durationMs: number;
	requestHeaders: Record<string, string>;
	/** When a retry follows: the wait scheduled before it (the retry timer's delay). */
	retryInMs?: number;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'success' | 'failed';

export interface Delivery {
	id: number;
	webhookId: number;
	transactionId: number;
	url: string;
	kind: 'original' | 'replay' | 'duplicate';
	replayOf: number | null;
	status: DeliveryStatus;
	/** Raw request body as sent (same bytes on every attempt). */
	body: string;
	contentType: string;
	payload: WebhookPayload;
	attempts: DeliveryAttempt[];
	/** Epoch ms of the next scheduled attempt, null when none. */
	nextAttemptAt: number | null;
	createdAt: string;
}

export interface SimulateTransactionInput {
	/** Numeric bank account id, or use accountNumber. Default: the first account. */
	bankAccountId?: number;
	accountNumber?: string;
	amount: number;
	transferType?: 'in' | 'out';
	content?: string;
	/** Payment code; when omitted it is recognised from content per the company's code formats. */
	code?: string | null;
	/** VA number; must belong to the account. */
	subAccount?: string | null;
	referenceNumber?: string;
	description?: string;
}

export interface SimulatedTransaction {
	transaction: Transaction;
	payload: WebhookPayload;
	deliveries: Delivery[];
	/** Resolves when every delivery has succeeded or exhausted its retries. */
	settled: Promise<Delivery[]>;
	/** Resolves when every delivery has made its first attempt. */
	firstAttempts: Promise<Delivery[]>;
}

export interface FaultConfig {
	/** Share (0..1) of requests answered with `failStatus`. */
	failRate?: number;
	/** The next N requests fail with `failStatus` (deterministic). */
	failNext?: number;
	/** Status for failures (default 500). */
	failStatus?: number;
	/** Added latency per request. */
	latencyMs?: number;
	/** Share (0..1) of requests whose connection is dropped without an answer. */
	dropRate?: number;
	/** The next N requests are dropped. */
	dropNext?: number;
	/** The next N requests get 429. */
	force429?: number;
	/** The forced 429s start after this many further requests. Default 0. */
	force429Skip?: number;
	/** Retry-After (seconds) of those 429s. Default 1. */
	retryAfterSeconds?: number;
	/** After this many more authenticated requests every access token expires (once). */
	expireTokensAfter?: number;
	/** Every access token expires after each further N requests (repeatedly). */
	expireTokensEvery?: number;
	/** Path prefixes the faults apply to (default: every API path, never /_control). */
	paths?: string[];
}

export interface RecordedRequest {
	seq: number;
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** Parsed JSON / form body, or the raw text. */
	body: unknown;
	rawBody: string;
	status?: number;
}

export interface OAuthTokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token: string;
	scope: string;
}

export interface Counters {
	total: number;
	/** Keyed `METHOD /path` (path without query). */
	byRoute: Record<string, number>;
	rateLimited: number;
	faults: number;
	/** Strict rate limit: requests sent before an earlier 429's Retry-After had passed. */
	early: number;
}

/** A request sent while its client was still blocked by an earlier 429 (strict rate limit). */
export interface EarlyRequest {
	/** `seq` of the request in `requests`. */
	seq: number;
	method: string;
	path: string;
	atMs: number;
	blockedUntilMs: number;
}

export interface IssueTokenOptions {
	/** Array or space-separated string; default every scope. */
	scopes?: string[] | string;
	ttlSeconds?: number;
}

export interface ResetOptions {
	/** Also forget every issued token and authorization code (default false: credentials stay connected). */
	tokens?: boolean;
}

export interface Emulator {
	/** e.g. http://127.0.0.1:4010 — serves /oauth, /api/v1, /v2, /v1 (eInvoice), /img, /_control. */
	baseUrl: string;
	port: number;
	options: ResolvedOptions;
	secrets: EmulatorSecrets;
	/** SePay Payment Gateway: IPN setting, paying checkout orders, IPN deliveries. */
	paymentGateway: import('./pgEmulator').PaymentGatewayControl;
	/** Current state (replaced by reset()). */
	readonly state: import('./state').EmulatorState;
	/** Received requests (newest last, capped by requestLogLimit). */
	requests: RecordedRequest[];
	counters: Counters;
	/** Strict rate limit: every request sent too early (see `rateLimit`). */
	earlyRequests: EarlyRequest[];
	/** Number of logged requests with this method and exact path (or path RegExp). */
	countRequests(method: string, path: string | RegExp): number;
	clearRequests(): void;
	issueOAuthToken(options?: IssueTokenOptions): OAuthTokenResponse;
	issueEInvoiceToken(options?: { ttlSeconds?: number }): {
		access_token: string;
		token_type: 'Bearer';
		expires_in: number;
	};
	/** OAuth2 access tokens and eInvoice tokens become invalid (→ 401); refresh tokens still work. */
	expireTokens(): number;
	simulateTransaction(input: SimulateTransactionInput): SimulatedTransaction;
	/** Registers a webhook as the dashboard would (lenient defaults, retries on); secrets returned in clear. */
	registerWebhook(input: Record<string, unknown>): Webhook;
	deliveries(filter?: {
		webhookId?: number;
		transactionId?: number;
		status?: DeliveryStatus;
	}): Delivery[];
	waitForDeliveries(
		predicate: (deliveries: Delivery[]) => boolean,
		timeoutMs?: number,
	): Promise<Delivery[]>;
	replayDelivery(deliveryId: number): Delivery;
	duplicateDelivery(webhookId: number, transactionId: number): Delivery;
	setFaults(faults: FaultConfig): void;
	clearFaults(): void;
	/** The next eInvoice job (create or issue) ends Failed with this message. */
	failNextInvoiceJob(reason?: string): void;
	setEInvoiceQuota(remaining: number): void;
	/** eInvoice jobs started from now on stay Pending this long (until reset()). */
	setEInvoiceJobDelay(ms: number): void;
	/** Every running eInvoice job ends now (Success, or Failed when so arranged). */
	finishInvoiceJobs(): void;
	reset(options?: ResetOptions): void;
	close(): Promise<void>;
}
