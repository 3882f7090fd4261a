/** A strict RFC 4180 reader: quotes only around a whole field, every record ended by CRLF. */
export function parseCsv(body: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < body.length) {
    let cell = '';
    if (body[at] === '"') {
      at += 1;
      for (;;) {
        if (at >= body.length) throw new Error('unterminated quoted field');
        if (body[at] === '"' && body[at + 1] === '"') {
          cell += '"';
          at += 2;
        } else if (body[at] === '"') {
          at += 1;
          break;
        } else cell += body[at++];
      }
    } else
      while (at < body.length && body[at] !== ',' && body[at] !== '\r') {
        if (body[at] === '"' || body[at] === '\n') throw new Error(`bare ${JSON.stringify(body[at])} at ${at}`);
        cell += body[at++];
      }
    record.push(cell);
    if (body[at] === ',') at += 1;
    else if (body.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else throw new Error(`expected a comma or CRLF at ${at}`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}
