/** What every route handler can reach. `state` is replaced by reset(), so read it at call time. */
import type { DeliveryEngine } from './deliveries';
import type { Faults } from './faults';
import type { EmulatorState } from './state';
import type { TokenStore } from './tokens';
import type { EmulatorSecrets, ResolvedOptions } from './types';

export interface Ctx {
	options: ResolvedOptions;
	secrets: EmulatorSecrets;
	state: EmulatorState;
	tokens: TokenStore;
	deliveries: DeliveryEngine;
	faults: Faults;
	baseUrl(): string;
}
