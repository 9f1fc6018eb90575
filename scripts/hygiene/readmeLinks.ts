/**
 * README links a reader follows: every `#anchor` must be a heading, every relative file link must
 * exist in the repository (on npm they resolve against the GitHub repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readmeAnchors } from './readmeAnchors';

export function checkReadmeLinks(root: string): string[] {
	const markdown = readFileSync(join(root, 'README.md'), 'utf8');
	const anchors = readmeAnchors(markdown);
	const problems: string[] = [];
	for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
		if (/^[a-z]+:/i.test(target)) continue;
		const [path, anchor] = target.split('#');
		if (path && !existsSync(join(root, path)))
			problems.push(`README: link to ${path}, which does not exist`);
		if (!path && anchor && !anchors.has(anchor))
			problems.push(`README: link to #${anchor}, which is no heading`);
	}
	return problems;
}
