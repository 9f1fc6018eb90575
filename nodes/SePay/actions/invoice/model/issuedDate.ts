import {
	formatVietnamTime,
	parseWallTime,
	toDateTime,
	vietnamTimeToInstant,
} from '../../../helpers/dates';
import type { FieldRef } from '../../../helpers/invalidInput';
import { invalidInput } from '../../../helpers/invalidInput';

/** SePay refuses invoice dates after "now"; a few minutes allow for clock differences. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * SePay's `issued_date` (`YYYY-MM-DD HH:mm:ss`, Vietnam time) from what a user or the date picker
 * gives: empty → now; otherwise read like every date of the node (`YYYY-MM-DD` → that day at
 * 00:00:00, no offset → Vietnam time, an offset or Z converted). Future dates are refused before sending.
 */
export function issuedDate(raw: unknown, ref: FieldRef, now = Date.now()): string {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return formatVietnamTime(now);
	}
	const dateTime = toDateTime(parseWallTime(raw, ref), false);
	if (vietnamTimeToInstant(dateTime) > now + FUTURE_TOLERANCE_MS) {
		throw invalidInput(
			ref,
			'a date and time that is not in the future (invoices cannot be dated ahead)',
			raw,
		);
	}
	return dateTime;
}
