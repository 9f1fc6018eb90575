/** SePay's cancel/void conditions as the node explains them (the settlement cut-off reading is UNCONFIRMED). */
import {
	cancelRefusal,
	voidDeadline,
	voidRefusal,
} from '../../../../../nodes/SePay/actions/paymentGatewayOrder/conditions';

const at = (vietnamTime: string) => Date.parse(`${vietnamTime.replace(' ', 'T')}+07:00`);
const card = (status: string, date: string) => ({
	order_status: status,
	transactions: [{ payment_method: 'CARD', transaction_type: 'PAYMENT', transaction_date: date }],
});

it.each([
	['2026-01-07 10:00:00', '2026-01-07 16:00:00'],
	['2026-01-07 16:00:00', '2026-01-07 16:00:00'],
	['2026-01-07 16:30:00', '2026-01-08 16:00:00'],
	['2026-01-09 16:30:00', '2026-01-12 16:00:00'],
	['2026-01-10 09:00:00', '2026-01-12 16:00:00'],
	['2026-01-11 23:59:59', '2026-01-12 16:00:00'],
])('a card payment at %s can be voided until %s', (paid, deadline) => {
	expect(voidDeadline(paid)).toBe(deadline);
});

it('void: allowed before the cut-off, refused after it, for non-card and unpaid orders', () => {
	expect(
		voidRefusal(card('CAPTURED', '2026-01-09 17:00:00'), at('2026-01-12 15:59:59')),
	).toBeUndefined();
	expect(voidRefusal(card('CAPTURED', '2026-01-09 17:00:00'), at('2026-01-12 16:00:01'))).toContain(
		'passed the settlement cut-off (2026-01-12 16:00:00 Vietnam time)',
	);
	expect(voidRefusal(card('VOIDED', '2026-01-09 17:00:00'), at('2026-01-09 17:01:00'))).toContain(
		'The order is VOIDED',
	);
	expect(
		voidRefusal(
			{ order_status: 'CAPTURED', transactions: [{ payment_method: 'BANK_TRANSFER' }] },
			0,
		),
	).toContain('only for card payments');
	expect(voidRefusal({ order_status: 'AUTHENTICATION_NOT_NEEDED' }, 0)).toContain(
		'only for card payments',
	);
});

it('cancel: paid, cancelled and card orders are explained; an unpaid QR order is not refused by us', () => {
	expect(
		cancelRefusal({ order_status: 'AUTHENTICATION_NOT_NEEDED', transactions: [] }),
	).toBeUndefined();
	expect(
		cancelRefusal({
			order_status: 'CAPTURED',
			transactions: [{ payment_method: 'BANK_TRANSFER' }],
		}),
	).toContain('already paid');
	expect(cancelRefusal({ order_status: 'CANCELLED' })).toBe('The order is already cancelled');
	expect(cancelRefusal(card('CAPTURED', '2026-01-09 17:00:00'))).toContain('use Void Transaction');
});
