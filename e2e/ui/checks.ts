/** The browser checks, in the order they run. */
import type { UiCheck } from './check';
import { communityInstall } from './checks/communityInstall';
import { credentialForms, oauth2Connect } from './checks/credentials';
import { exampleWorkflows } from './checks/examples';
import { executeSteps } from './checks/execute';
import { actionsPanel, nodesPanel } from './checks/nodesPanel';
import { resourceSelectors } from './checks/resources';
import { triggerNode } from './checks/trigger';

export const UI_CHECKS: UiCheck[] = [
	nodesPanel,
	actionsPanel,
	resourceSelectors,
	credentialForms,
	oauth2Connect,
	executeSteps,
	triggerNode,
	exampleWorkflows,
	communityInstall,
];
