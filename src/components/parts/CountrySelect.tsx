import { useMemo, type ReactNode, type SelectHTMLAttributes } from 'react';
import { getCountryCallingCode, type Country } from 'react-phone-number-input';
import flags from 'react-phone-number-input/flags';
import { useFlowUi } from '../FlowUi';

/** The value react-phone-number-input gives the "International" option (an `<option>` needs a string value). */
const INTERNATIONAL = 'ZZ';

/** One entry of the country list, as react-phone-number-input passes it. */
interface CountryOption {
  value?: Country | undefined;
  label: string;
  divider?: boolean | undefined;
}

/** The props react-phone-number-input gives its `countrySelectComponent`. */
export interface CountrySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'className'> {
  value?: Country | undefined;
  options: CountryOption[];
  onChange: (country: Country | undefined) => void;
  /** A `<select>` has no read-only state: it is disabled instead. */
  readOnly?: boolean | undefined;
  /** The library's flag renderer; unused, because it falls back to remote images for unknown countries. */
  iconComponent?: unknown | undefined;
}

/**
 * The phone input's country picker: a native `<select>` (what screen readers and mobile pickers know best), the
 * bundled flag of the chosen country and an arrow, in the order the theme expects. Rendered by us rather than the library so every element carries a part and
 * no flag is ever fetched from the network.
 */
export function CountrySelect({ value, options, onChange, disabled, readOnly, iconComponent: _ignored, ...rest }: CountrySelectProps): ReactNode {
  const { part } = useFlowUi();
  const Flag = value ? flags[value] : undefined;
  // The library hands over a new options array on every keystroke; the list itself rarely changes, and
  // rebuilding ~250 options per keystroke makes typing sluggish on slow devices. The labels stand for the list: a
  // change of countries or of their names changes them.
  const listKey = options.map((option) => option.label).join();
  const optionElements = useMemo(
    () =>
      options
        .filter((option) => !option.divider)
        .map((option) => (
          <option {...part('countryOption')} key={option.value ?? INTERNATIONAL} value={option.value ?? INTERNATIONAL}>
            {option.label}
          </option>
        )),
    [listKey, part],
  );
  return (
    <div {...part('country')}>
      <select
        {...rest}
        {...part('countrySelect')}
        value={value ?? INTERNATIONAL}
        disabled={disabled || readOnly}
        onChange={(event) => onChange(event.target.value === INTERNATIONAL ? undefined : (event.target.value as Country))}
      >
        {optionElements}
      </select>
      {/* Always rendered, so the theme can size the flag box and place the arrow by their order. */}
      <span {...part('flag')} aria-hidden="true">
        {Flag && <Flag title="" />}
      </span>
      {/* The dialling code beside the flag: what a person recognises faster than a flag, and it is read as +44, not as a word.
          Left to right in any language: in Arabic or Hebrew it would otherwise show as "44+". */}
      {value && <span {...part('dialCode')} dir="ltr" aria-hidden="true">+{getCountryCallingCode(value)}</span>}
      <span {...part('countryArrow')} aria-hidden="true" />
    </div>
  );
}
