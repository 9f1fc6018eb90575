/**
 * The package's tests (test/, mirroring nodes/ and credentials/) and each tool's own tests
 * (emulator/, harness/, e2e/), TypeScript through ts-jest (transpile only: `npm run typecheck`
 * types them).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/emulator', '<rootDir>/harness', '<rootDir>/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
};
