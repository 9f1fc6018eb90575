import { isEmpty, splitList } from '../../../../nodes/SePay/helpers/inputValues';

describe('isEmpty: the one "left empty" test for parameters', () => {
	it.each([undefined, null, '', '  ', [], { __rl: true, mode: 'list', value: '' }, { value: ' ' }])(
		'%p is empty',
		(value) => {
			expect(isEmpty(value)).toBe(true);
		},
	);
	it.each([0, false, 'x', ['a'], { __rl: true, mode: 'id', value: '12' }, { value: 0 }])(
		'%p is a value',
		(value) => {
			expect(isEmpty(value)).toBe(false);
		},
	);
});

describe('splitList: one list syntax for every list typed as text', () => {
	it('splits on commas, semicolons, spaces and new lines, dropping empty entries', () => {
		expect(splitList('DH, INV;ABC\nX  ,, Y')).toEqual(['DH', 'INV', 'ABC', 'X', 'Y']);
	});
	it('takes arrays entry by entry and numbers as one entry', () => {
		expect(splitList([' 19 ', 23, ''])).toEqual(['19', '23']);
		expect(splitList(19)).toEqual(['19']);
		expect(splitList(undefined)).toEqual([]);
	});
});
