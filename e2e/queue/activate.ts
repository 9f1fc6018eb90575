/** Publishes or unpublishes a workflow through n8n's public API (runs its activation, no restart). */
import { n8nRequest } from '../n8n-rest';

export async function setActive(
	baseUrl: string,
	apiKey: string,
	workflowId: string,
	active: boolean,
): Promise<void> {
	const res = await n8nRequest(
		baseUrl,
		'POST',
		`/api/v1/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`,
		{ apiKey },
	);
	if (res.status !== 200)
		throw new Error(
			`${active ? 'activate' : 'deactivate'} ${workflowId}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
		);
}
