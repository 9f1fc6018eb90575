// n8n's own Prettier settings (as in n8n's repository and its node starter).
// Not yet applied: the one-time reformat of the whole tree is its own commit, after the open
// branches are merged (applied earlier, every branch would conflict on every line).
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
