/** Invoice files for the download endpoint: a real one-page PDF (with a valid xref) and an XML. */
import type { Invoice } from './einvoiceState';

/** Standard PDF fonts cannot show Vietnamese diacritics, so the PDF text is folded to ASCII. */
function ascii(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^\x20-\x7e]/g, '?');
}

function pdfString(text: string): string {
	return `(${ascii(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function invoicePdf(invoice: Invoice): Buffer {
	const lines = [
		`HOA DON ${invoice.template_code === '1' ? 'GIA TRI GIA TANG' : 'BAN HANG'} - ${invoice.status === 'draft' ? 'BAN NHAP' : 'DA PHAT HANH'}`,
		`Mau so ${invoice.template_code}  Ky hieu ${invoice.invoice_series}  So ${invoice.invoice_number}`,
		`Ngay ${invoice.issued_date}`,
		`Nguoi mua: ${invoice.buyer.name ?? invoice.buyer.legal_name ?? ''}  MST: ${invoice.buyer.tax_code ?? ''}`,
		...invoice.items.map(
			(i) =>
				`${i.line_number}. ${i.item_name}  SL ${i.quantity}  DG ${i.unit_price}  TT ${i.total_amount}`,
		),
		`Cong tien hang: ${invoice.total_before_tax}  Thue GTGT: ${invoice.tax_amount}  Tong cong: ${invoice.total_amount} ${invoice.currency}`,
		`Ma tra cuu: ${invoice.reference_code}`,
	];
	const stream = [
		'BT',
		'/F1 11 Tf',
		'50 800 Td',
		'14 TL',
		...lines.map((l) => `${pdfString(l)} '`),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(Buffer.byteLength(out));
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

function esc(text: unknown): string {
	return String(text ?? '').replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
	);
}

/** Loosely modelled on the Circular 78 invoice XML (HDon/DLHDon); not a schema-valid document. */
export function invoiceXml(invoice: Invoice): Buffer {
	const items = invoice.items
		.map(
			(i) =>
				`      <HHDVu><STT>${i.line_number}</STT><TChat>${i.line_type}</TChat><MHHDVu>${esc(i.item_code)}</MHHDVu><THHDVu>${esc(i.item_name)}</THHDVu><DVTinh>${esc(i.unit)}</DVTinh><SLuong>${i.quantity}</SLuong><DGia>${i.unit_price}</DGia><ThTien>${i.total_amount}</ThTien><TSuat>${i.tax_rate ?? ''}</TSuat></HHDVu>`,
		)
		.join('\n');
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<HDon>
  <DLHDon Id="${esc(invoice.reference_code)}">
    <TTChung><KHMSHDon>${esc(invoice.template_code)}</KHMSHDon><KHHDon>${esc(invoice.invoice_series)}</KHHDon><SHDon>${esc(invoice.invoice_number)}</SHDon><NLap>${esc(invoice.issued_date.slice(0, 10))}</NLap><DVTTe>${esc(invoice.currency)}</DVTTe><HTTToan>${esc(invoice.payment_method)}</HTTToan></TTChung>
    <NDHDon>
      <NMua><Ten>${esc(invoice.buyer.legal_name ?? invoice.buyer.name)}</Ten><MST>${esc(invoice.buyer.tax_code)}</MST><DChi>${esc(invoice.buyer.address)}</DChi></NMua>
      <DSHHDVu>
${items}
      </DSHHDVu>
      <TToan><TgTCThue>${invoice.total_before_tax}</TgTCThue><TgTThue>${invoice.tax_amount}</TgTThue><TgTTTBSo>${invoice.total_amount}</TgTTTBSo></TToan>
    </NDHDon>
  </DLHDon>
  <MCCQT>${esc(invoice.tax_authority_code)}</MCCQT>
</HDon>
`;
	return Buffer.from(xml, 'utf8');
}
