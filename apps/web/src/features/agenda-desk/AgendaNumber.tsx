import { useFormat } from '../../lib/preferences';

/** The server's number of an agenda item (1.2) in the reader's digits. */
export function AgendaNumber({ number }: { number: string }) {
  const format = useFormat();
  return (
    <bdi>
      {number
        .split('.')
        .map((part) => format.number(Number(part)))
        .join('.')}
    </bdi>
  );
}
