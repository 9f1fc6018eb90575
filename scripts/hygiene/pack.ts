/**
 * What `npm pack` would publish: only dist/ (without source maps and type declarations, which n8n
 * never loads), README.md, LICENSE, CHANGELOG.md and package.json, under a size budget.
 */
import { packedSize } from '../../bench/packedSize';

const ALLOWED = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
const REQUIRED = ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'];
export const PACKED_KB_BUDGET = 150;

export function checkPack(
	root: string,
	n8nFiles: string[],
): { problems: string[]; packedKb: number; fileCount: number } {
	const info = packedSize(root);
	const paths = info.files.map((f) => f.path);
	const problems: string[] = [];
	for (const path of paths) {
		if (!ALLOWED.test(path))
			problems.push(
				`pack: ${path} would be published; only dist/, README.md, LICENSE, CHANGELOG.md ship`,
			);
		if (/\.(map|d\.ts)$/.test(path))
			problems.push(`pack: ${path} would be published; n8n does not need it`);
	}
	for (const path of [...REQUIRED, ...n8nFiles.map((f) => f.replace(/^\.\//, ''))]) {
		if (!paths.includes(path)) problems.push(`pack: ${path} is missing from the package`);
	}
	const packedKb = Math.round((info.size / 1024) * 10) / 10;
	if (packedKb >= PACKED_KB_BUDGET)
		problems.push(`pack: ${packedKb} kB packed, budget ${PACKED_KB_BUDGET} kB`);
	return { problems, packedKb, fileCount: paths.length };
}
