/**
 * `<FundsPicker>`: which fund definitions the analyses look through — the shipped
 * `config/funds.yaml` or a set stored with `ballast funds save`. Shown only when there is a
 * choice (a stored set exists, or one is chosen).
 */
import type { StoredFundsSummary } from '../../api/documents.ts';

/** Props of {@link FundsPicker}. */
export interface FundsPickerProps {
  /** The stored sets (undefined while unknown). */
  readonly stored: readonly StoredFundsSummary[] | undefined;
  /** The chosen set, null for the shipped definitions. */
  readonly value: string | null;
  readonly onChange: (name: string | null) => void;
}

/** The fund-definitions select (see the module comment). */
export function FundsPicker({ stored, value, onChange }: FundsPickerProps) {
  const names = (stored ?? []).map((s) => s.name);
  if (value !== null && !names.includes(value)) names.push(value);
  if (names.length === 0) return null;
  return (
    <label className="inline-field">
      Fund definitions
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Shipped (config/funds.yaml)</option>
        {names.map((name) => (
          <option key={name} value={name}>
            Stored: {name}
          </option>
        ))}
      </select>
    </label>
  );
}
