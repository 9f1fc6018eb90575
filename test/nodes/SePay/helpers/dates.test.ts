/** Date filters as users and expressions give them, converted to Vietnam wall time. */
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { parseWallTime, toDateTime } from '../../../../nodes/SePay/helpers/dates';

const ref = { node: { name: 'SePay' } as INode, itemIndex: 0, field: 'Filters → Date From' };

it.each([
	['2026-01-22', { date: '2026-01-22' }],
	['2026-01-22 16:45:30', { date: '2026-01-22', time: '16:45:30' }],
	['2026-01-22T16:45', { date: '2026-01-22', time: '16:45:00' }],
	['2026-01-22T09:45:30.123Z', { date: '2026-01-22', time: '16:45:30' }],
	['2026-01-22T20:00:00+00:00', { date: '2026-01-23', time: '03:00:00' }],
	['2026-01-22T16:45:30+07:00', { date: '2026-01-22', time: '16:45:30' }],
	['2026-01-22T00:30:00-0500', { date: '2026-01-22', time: '12:30:00' }],
])('reads %s', (input, expected) => {
	expect(parseWallTime(input, ref)).toEqual(expected);
});

it('reads a Date and a Luxon DateTime from an expression', () => {
	expect(parseWallTime(new Date(Date.UTC(2026, 0, 22, 9, 45, 30)), ref)).toEqual({
		date: '2026-01-22',
		time: '16:45:30',
	});
	// What n8n's $now / DateTime values offer (Luxon): toISO() with the zone's offset.
	const luxonLike = { toISO: () => '2026-01-22T16:45:30.000+07:00' };
	expect(parseWallTime(luxonLike, ref)).toEqual({
		date: '2026-01-22',
		time: '16:45:30',
	});
});

it.each(['2026-02-30', '2026-01-22 24:00:00', '22/01/2026', '2026-01-22Z', '', 'now', 12])(
	'refuses %p naming the field',
	(input) => {
		expect(() => parseWallTime(input, ref)).toThrow(NodeOperationError);
		expect(() => parseWallTime(input, ref)).toThrow(/Filters → Date From/);
	},
);

it('turns a bare date into the start or the last second of the day', () => {
	expect(toDateTime({ date: '2026-01-22' }, false)).toBe('2026-01-22 00:00:00');
	expect(toDateTime({ date: '2026-01-22' }, true)).toBe('2026-01-22 23:59:59');
	expect(toDateTime({ date: '2026-01-22', time: '08:00:00' }, true)).toBe('2026-01-22 08:00:00');
});
