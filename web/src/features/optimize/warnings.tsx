/** The warnings of a document (`{ code, message }`), one line each; nothing when there are none. */
import type { Warning } from '../../../../src/domain/warnings.ts';

/** The warnings of a document (see the module comment). */
export function Warnings({ warnings }: { warnings: readonly Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings">
      {warnings.map((w, i) => (
        <li className="warning" key={`${w.code}-${i}`}>
          <code>{w.code}</code> {w.message}
        </li>
      ))}
    </ul>
  );
}
