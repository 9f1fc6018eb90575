/**
 * package.json as n8n's verification wants it: no runtime dependencies, n8n-workflow as the only
 * peer, the community keyword, and an "n8n" section that lists exactly the built nodes and
 * credentials (a listed file that is missing makes n8n skip the whole package).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

import { walk } from './files';

export interface PackageJson {
	name: string;
	license?: string;
	keywords?: string[];
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	files?: string[];
	n8n?: { n8nNodesApiVersion?: number; strict?: boolean; nodes?: string[]; credentials?: string[] };
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

export function checkPackageJson(root: string, pkg: PackageJson): string[] {
	const problems: string[] = [];
	if (!/^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[a-z0-9][\w.-]*$/.test(pkg.name))
		problems.push(`package.json: name "${pkg.name}" must start with n8n-nodes-`);
	if (pkg.license !== 'MIT') problems.push('package.json: license must be MIT');
	if (!pkg.keywords?.includes('n8n-community-node-package'))
		problems.push('package.json: keyword n8n-community-node-package missing');
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		problems.push(
			`package.json: runtime dependencies are not allowed (${Object.keys(pkg.dependencies).join(', ')})`,
		);
	}
	const peers = pkg.peerDependencies ?? {};
	if (peers['n8n-workflow'] !== '*' || Object.keys(peers).length !== 1) {
		problems.push(
			`package.json: peerDependencies must be exactly { "n8n-workflow": "*" }, is ${JSON.stringify(peers)}`,
		);
	}
	for (const script of LIFECYCLE) {
		if (pkg.scripts?.[script])
			problems.push(
				`package.json: lifecycle script "${script}" runs on users' machines; remove it`,
			);
	}
	const n8n = pkg.n8n;
	if (!n8n || n8n.n8nNodesApiVersion !== 1 || n8n.strict !== true)
		problems.push('package.json: n8n section needs n8nNodesApiVersion 1 and strict true');

	const distDir = join(root, 'dist');
	if (!existsSync(distDir)) return [...problems, 'dist/ is missing: run `npm run build` first'];
	const built = walk(distDir).map((f) => relative(root, f).split('\\').join('/'));
	const expectations: Array<[string, string[], RegExp]> = [
		['nodes', n8n?.nodes ?? [], /\.node\.js$/],
		['credentials', n8n?.credentials ?? [], /\.credentials\.js$/],
	];
	for (const [kind, listed, pattern] of expectations) {
		const normalised = listed.map((p) => p.replace(/^\.\//, ''));
		for (const file of normalised) {
			if (!file.startsWith('dist/'))
				problems.push(`package.json: n8n.${kind} entry ${file} must start with dist/`);
			if (!built.includes(file))
				problems.push(`package.json: n8n.${kind} lists ${file}, which the build did not produce`);
		}
		for (const file of built.filter((f) => pattern.test(f))) {
			if (!normalised.includes(file))
				problems.push(`package.json: ${file} is built but not listed in n8n.${kind}`);
		}
		if (!normalised.length) problems.push(`package.json: n8n.${kind} is empty`);
	}
	return problems;
}
