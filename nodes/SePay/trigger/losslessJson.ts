/**
 * A JSON reader that keeps each number's source text, so a transaction id past 2^53 (which
 * `JSON.parse` rounds: 9007199254740993 → 9007199254740992) reaches the node exactly. Nesting is
 * bounded: no SePay delivery nests, and a bound keeps a hostile body from exhausting the stack.
 */

/** A JSON number as written in the body, e.g. `9007199254740993` or `18067000.00`. */
export class JsonNumber {
	constructor(readonly text: string) {}
}

export type LosslessValue = null | boolean | string | JsonNumber | LosslessValue[] | LosslessObject;

/** Own keys only (no prototype), so keys such as `__proto__` stay plain data. */
export type LosslessObject = Map<string, LosslessValue>;

/** Levels of nesting allowed (the body object is level 1); deeper is not a SePay delivery. */
export const MAX_JSON_DEPTH = 32;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Reader {
	private at = 0;

	constructor(private readonly text: string) {}

	read(): LosslessValue {
		const value = this.value(0);
		this.skipSpace();
		if (this.at !== this.text.length) throw new SyntaxError('trailing characters');
		return value;
	}

	private skipSpace(): void {
		WHITESPACE.lastIndex = this.at;
		WHITESPACE.exec(this.text);
		this.at = WHITESPACE.lastIndex;
	}

	private expect(char: string): void {
		if (this.text[this.at] !== char) throw new SyntaxError(`expected ${char}`);
		this.at++;
	}

	private value(depth: number): LosslessValue {
		if (depth >= MAX_JSON_DEPTH) throw new SyntaxError('nested too deeply');
		this.skipSpace();
		const char = this.text[this.at];
		if (char === '{') return this.object(depth);
		if (char === '[') return this.array(depth);
		if (char === '"') return this.string();
		for (const [word, literal] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (this.text.startsWith(word, this.at)) {
				this.at += word.length;
				return literal;
			}
		}
		NUMBER.lastIndex = this.at;
		const match = NUMBER.exec(this.text);
		if (!match) throw new SyntaxError('unexpected character');
		this.at = NUMBER.lastIndex;
		return new JsonNumber(match[0]);
	}

	/** Finds the closing quote, then lets JSON.parse decode the escapes (exact for strings). */
	private string(): string {
		const start = this.at;
		if (this.text[start] !== '"') throw new SyntaxError('expected a string');
		let end = start + 1;
		for (;;) {
			const char = this.text[end];
			if (char === undefined) throw new SyntaxError('unterminated string');
			if (char === '"') break;
			end += char === '\\' ? 2 : 1;
		}
		this.at = end + 1;
		return JSON.parse(this.text.slice(start, end + 1)) as string;
	}

	/** `open entry (, entry)* close`, with `entry` reading one member or element. */
	private sequence(open: string, close: string, entry: () => void): void {
		this.expect(open);
		this.skipSpace();
		if (this.text[this.at] === close) {
			this.at++;
			return;
		}
		for (;;) {
			entry();
			this.skipSpace();
			if (this.text[this.at] === close) {
				this.at++;
				return;
			}
			this.expect(',');
		}
	}

	private object(depth: number): LosslessObject {
		const result: LosslessObject = new Map();
		this.sequence('{', '}', () => {
			this.skipSpace();
			const key = this.string();
			this.skipSpace();
			this.expect(':');
			result.set(key, this.value(depth + 1));
		});
		return result;
	}

	private array(depth: number): LosslessValue[] {
		const result: LosslessValue[] = [];
		this.sequence('[', ']', () => result.push(this.value(depth + 1)));
		return result;
	}
}

/** The body's value with number texts kept, or undefined when it is not JSON (or nests too deeply). */
export function readLosslessJson(text: string): LosslessValue | undefined {
	try {
		return new Reader(text).read();
	} catch {
		// Not JSON: the caller tries SePay's other formats or answers 400.
		return undefined;
	}
}
