/**
 * n8n 2.41 may load this package's files again (it clears them from the require cache when it
 * reloads node types) while n8n-workflow stays loaded once: a trigger from the first load and one
 * from the second must still share the workflow memory's index.
 */
import * as workflow from 'n8n-workflow';

type IdMemoryModule = typeof import('../../../../nodes/SePay/transactions/idMemory');

function freshCopy(): IdMemoryModule {
	let copy: IdMemoryModule | undefined;
	jest.isolateModules(() => {
		// n8n's own module is not reloaded: the same instance, as in n8n.
		jest.doMock('n8n-workflow', () => workflow);
		copy = require('../../../../nodes/SePay/transactions/idMemory') as IdMemoryModule;
	});
	return copy!;
}

it('two loads of the package share one in-process index', () => {
	const first = freshCopy();
	const second = freshCopy();
	expect(first).not.toBe(second);
	// Two copies of the static data (as n8n hands them out); only the index can connect them.
	new first.IdMemory({}, 'memory', 'workflow:reloaded').add('101');
	expect(new second.IdMemory({}, 'memory', 'workflow:reloaded').has('101')).toBe(true);
	first.resetMemoryIndexes();
});
