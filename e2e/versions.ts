/**
 * The n8n versions the e2e suite covers and the Node each runs on. 2.8.4 is the newest n8n that
 * accepts Node 20; 2.41.1 is the newest 2.x installable from this registry (2.41.3 misses a
 * dependency) and needs Node >= 24.
 */
export interface N8nVersion {
	version: string;
	/** Node major taken from the registry, or null for the machine's Node. */
	nodeMajor: number | null;
}

export const N8N_VERSIONS: N8nVersion[] = [
	{ version: '2.8.4', nodeMajor: null },
	{ version: '2.41.1', nodeMajor: 24 },
];

/** The version `npm start` uses: fastest to boot, runs on the machine's Node. */
export const DEV_VERSION = '2.8.4';

export function findVersion(version: string): N8nVersion {
	const found = N8N_VERSIONS.find((v) => v.version === version);
	if (!found)
		throw new Error(
			`unknown n8n version ${version}; known: ${N8N_VERSIONS.map((v) => v.version).join(', ')}`,
		);
	return found;
}
