/** Fixed Vietnamese reference data the generator draws from. */
import type { Bank } from './types';

export const BANKS: Bank[] = [
	{
		short_name: 'Vietcombank',
		full_name: 'Ngân hàng TMCP Ngoại Thương Việt Nam',
		code: 'VCB',
		bin: '970436',
		slug: 'vietcombank',
	},
	{
		short_name: 'MBBank',
		full_name: 'Ngân hàng TMCP Quân đội',
		code: 'MB',
		bin: '970422',
		slug: 'mbbank',
	},
	{
		short_name: 'ACB',
		full_name: 'Ngân hàng TMCP Á Châu',
		code: 'ACB',
		bin: '970416',
		slug: 'acb',
	},
	{
		short_name: 'BIDV',
		full_name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam',
		code: 'BIDV',
		bin: '970418',
		slug: 'bidv',
	},
	{
		short_name: 'Techcombank',
		full_name: 'Ngân hàng TMCP Kỹ Thương Việt Nam',
		code: 'TCB',
		bin: '970407',
		slug: 'techcombank',
	},
	{
		short_name: 'VietinBank',
		full_name: 'Ngân hàng TMCP Công thương Việt Nam',
		code: 'ICB',
		bin: '970415',
		slug: 'vietinbank',
	},
	{
		short_name: 'TPBank',
		full_name: 'Ngân hàng TMCP Tiên Phong',
		code: 'TPB',
		bin: '970423',
		slug: 'tpbank',
	},
	{
		short_name: 'Sacombank',
		full_name: 'Ngân hàng TMCP Sài Gòn Thương Tín',
		code: 'STB',
		bin: '970403',
		slug: 'sacombank',
	},
];

/** Accounts of the demo company: bank index, holder, label, account-number length. */
export const ACCOUNT_SPECS = [
	{ bank: 0, holder: 'CONG TY TNHH THUONG MAI DEMO', label: 'Cty Demo - VCB', digits: 13 },
	{ bank: 1, holder: 'CONG TY TNHH THUONG MAI DEMO', label: 'Thu tiền online', digits: 12 },
	{ bank: 2, holder: 'NGUYEN VAN AN', label: null, digits: 8 },
	{ bank: 3, holder: 'CONG TY TNHH THUONG MAI DEMO', label: 'BIDV doanh nghiệp', digits: 14 },
	{ bank: 4, holder: 'TRAN THI BICH NGOC', label: 'Quỹ cửa hàng', digits: 14 },
] as const;

/** Bank memos are usually stripped of diacritics, so payer names are upper-case ASCII. */
export const PAYER_NAMES = [
	'NGUYEN VAN AN',
	'TRAN THI BICH',
	'LE HOANG NAM',
	'PHAM MINH TUAN',
	'HOANG THI LAN',
	'VU DUC THANG',
	'DANG THU HA',
	'BUI QUANG HUY',
	'DO THI MAI',
	'NGO THANH TUNG',
	'DUONG THUY ANH',
	'LY GIA BAO',
	'PHAN NGOC HAN',
	'TRINH CONG SON',
	'MAI PHUONG THAO',
];

export const MEMOS_WITH_CODE = [
	'{name} chuyen tien {code}',
	'{code} thanh toan don hang',
	'Thanh toan hoa don {code}',
	'{name} chuyen khoan mua hang online {code}',
	'{code} {name} dong hoc phi thang {month}',
	'TT don {code} giao hang nhanh',
];

export const MEMOS_WITHOUT_CODE = [
	'{name} chuyen tien',
	'{name} chuyen khoan tien hang',
	'Hoan tien dat coc',
	'Tien thue mat bang thang {month}',
	'{name} gui tien',
];

export const MEMOS_OUT = [
	'Chuyen tien luong thang {month}',
	'Thanh toan tien dien EVN ky {month}',
	'Chi phi van chuyen GHN',
	'Tra tien nha cung cap hoa don {n}',
	'Nop thue GTGT quy {quarter}',
	'Phi quan ly tai khoan',
];

/** Realistic amounts (VND): mostly round thousands. */
export const IN_AMOUNTS = [
	10000, 20000, 50000, 99000, 120000, 150000, 199000, 250000, 300000, 350000, 500000, 750000,
	1000000, 1250000, 1500000, 2000000, 2277000, 3500000, 5000000, 7800000, 10000000, 18067000,
];
export const OUT_AMOUNTS = [
	15000, 55000, 220000, 880000, 1500000, 3200000, 5000000, 8500000, 12000000, 25000000,
];
