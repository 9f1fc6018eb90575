/** The browser checks, in the order they run. */
import type { UiCheck } from './check';
import { actionsPanel, nodesPanel } from './checks/nodesPanel';
import { resourceSelectors } from './checks/resources';

export const UI_CHECKS: UiCheck[] = [nodesPanel, actionsPanel, resourceSelectors];
