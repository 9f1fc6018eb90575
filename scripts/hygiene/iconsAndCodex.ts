/**
 * Icons and codex files as n8n shows them: every built node and credential has a light and a
 * dark SVG that exist in dist/ and differ; every node has its codex (`<Node>.node.json` next to
 * the compiled node) in Finance & Accounting, with aliases and documentation links. Every
 * documentation link into this repository's README must land on a heading that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import { readmeAnchors } from './readmeAnchors';

type Icon = string | { light: string; dark: string } | undefined;
interface Codex {
	node?: string;
	categories?: string[];
	alias?: string[];
	resources?: {
		primaryDocumentation?: Array<{ url: string }>;
		credentialDocumentation?: Array<{ url: string }>;
	};
}

/**
 * Docs links go to the package's npm page, which shows this README (issue 12: the GitHub repository
 * they named does not exist). A link with an anchor must name a README heading.
 */
export const DOCS_PAGE = 'https://www.npmjs.com/package/n8n-nodes-sepay';
const REPO_README = /^https:\/\/www\.npmjs\.com\/package\/n8n-nodes-sepay(?:#(.+))?$/;

function instantiate(file: string): Record<string, unknown> {
	const module = require(file) as Record<string, new () => Record<string, unknown>>;
	const Type = Object.values(module).find((v) => typeof v === 'function');
	if (!Type) throw new Error(`${file} exports no class`);
	return new Type();
}

function checkIcon(label: string, fromFile: string, icon: Icon): string[] {
	if (!icon || typeof icon === 'string') return [`icons: ${label} needs { light, dark } SVG icons`];
	const paths = [icon.light, icon.dark].map((p) =>
		resolve(dirname(fromFile), String(p).replace(/^file:/, '')),
	);
	const problems: string[] = [];
	for (const path of paths) {
		if (!/\.svg$/.test(path)) problems.push(`icons: ${label} icon ${basename(path)} is not an SVG`);
		else if (!existsSync(path))
			problems.push(`icons: ${label} icon ${path} is not in dist/ (is it copied by the build?)`);
		else if (!/<svg[\s>]/.test(readFileSync(path, 'utf8')))
			problems.push(`icons: ${path} is not an SVG document`);
	}
	if (!problems.length && readFileSync(paths[0], 'utf8') === readFileSync(paths[1], 'utf8')) {
		problems.push(`icons: ${label} light and dark icons are the same image`);
	}
	return problems;
}

function checkDocLink(label: string, url: string | undefined, anchors: Set<string>): string[] {
	if (!url) return [`docs: ${label} has no documentation URL`];
	const match = REPO_README.exec(url);
	if (!match) return [`docs: ${label} links to ${url}, not to ${DOCS_PAGE}`];
	if (match[1] && !anchors.has(decodeURIComponent(match[1])))
		return [`docs: ${label} links to #${match[1]}, which is no heading in README.md`];
	return [];
}

export function checkIconsAndCodex(
	root: string,
	packageName: string,
	nodes: string[],
	credentials: string[],
): string[] {
	const anchors = readmeAnchors(readFileSync(join(root, 'README.md'), 'utf8'));
	const problems: string[] = [];
	for (const rel of credentials) {
		const file = join(root, rel);
		if (!existsSync(file)) continue; // reported by the package.json check
		const credential = instantiate(file);
		const label = `credential ${String(credential.name)}`;
		problems.push(...checkIcon(label, file, credential.icon as Icon));
		problems.push(
			...checkDocLink(label, credential.documentationUrl as string | undefined, anchors),
		);
	}
	for (const rel of nodes) {
		const file = join(root, rel);
		if (!existsSync(file)) continue;
		const description = instantiate(file).description as { name: string; icon: Icon };
		const label = `node ${description.name}`;
		problems.push(...checkIcon(label, file, description.icon));
		const codexFile = file.replace(/\.js$/, '.json');
		if (!existsSync(codexFile)) {
			problems.push(`codex: ${label} has no ${basename(codexFile)} in dist/`);
			continue;
		}
		const codex = JSON.parse(readFileSync(codexFile, 'utf8')) as Codex;
		if (codex.node !== `${packageName}.${description.name}`)
			problems.push(
				`codex: ${basename(codexFile)} "node" should be ${packageName}.${description.name}`,
			);
		if (!codex.categories?.includes('Finance & Accounting'))
			problems.push(`codex: ${basename(codexFile)} is not in category Finance & Accounting`);
		if (!codex.alias?.length) problems.push(`codex: ${basename(codexFile)} has no aliases`);
		problems.push(
			...checkDocLink(
				`${label} (codex primary)`,
				codex.resources?.primaryDocumentation?.[0]?.url,
				anchors,
			),
		);
		problems.push(
			...checkDocLink(
				`${label} (codex credentials)`,
				codex.resources?.credentialDocumentation?.[0]?.url,
				anchors,
			),
		);
	}
	return problems;
}
