/** The trigger's JSON reader agrees with JSON.parse on what JSON is, and keeps number texts. */
import {
	JsonNumber,
	MAX_JSON_DEPTH,
	readLosslessJson,
} from '../../../../nodes/SePay/trigger/losslessJson';
import type { LosslessValue } from '../../../../nodes/SePay/trigger/losslessJson';

/** Back to plain values (numbers through Number) to compare with JSON.parse. */
function plain(value: LosslessValue): unknown {
	if (value instanceof JsonNumber) return Number(value.text);
	if (Array.isArray(value)) return value.map(plain);
	if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
	return value;
}

describe('readLosslessJson', () => {
	it.each([
		'{}',
		'[]',
		' { "a" : [ 1 , -2.5e3 , 0.125 , true , false , null ] , "b" : { } } ',
		'"\\u00e9\\ud83d\\udd11 \\"quoted\\" \\\\ \\/ \\n\\t"',
		'{"a":1,"a":2}',
		'"Thanh toán đơn hàng 🔑"',
		'0',
		'-0',
		'1E+2',
	])('reads %s as JSON.parse does', (text) => {
		expect(plain(readLosslessJson(text) as LosslessValue)).toEqual(JSON.parse(text));
	});

	it.each([
		'',
		' ',
		'01',
		'1.',
		'.5',
		'-',
		'+1',
		'NaN',
		"'a'",
		'{"a":1,}',
		'[1,]',
		'{a:1}',
		'"a',
		'"\u0001"',
		'[1] x',
		'tru',
		'{"a" 1}',
		'1e',
	])('refuses %j like JSON.parse', (text) => {
		expect(() => JSON.parse(text)).toThrow();
		expect(readLosslessJson(text)).toBeUndefined();
	});

	it('keeps each number exactly as written', () => {
		const value = readLosslessJson(
			'{"id":9007199254740993,"amount":18067000.00,"tiny":1e-400}',
		) as Map<string, JsonNumber>;
		expect([...value.values()].map((n) => n.text)).toEqual([
			'9007199254740993',
			'18067000.00',
			'1e-400',
		]);
	});

	it(`reads ${MAX_JSON_DEPTH} levels of nesting and refuses more, without exhausting the stack`, () => {
		const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
		expect(readLosslessJson(nested(MAX_JSON_DEPTH))).toBeDefined();
		expect(readLosslessJson(nested(MAX_JSON_DEPTH + 1))).toBeUndefined();
		expect(readLosslessJson(nested(1_000_000))).toBeUndefined();
	});

	it('keeps "__proto__" as a plain key', () => {
		const value = readLosslessJson('{"__proto__":{"polluted":true}}') as Map<string, unknown>;
		expect(value.has('__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
