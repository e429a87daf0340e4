import { useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { getCountryCallingCode, isValidPhoneNumber, parsePhoneNumber, type Country, type Labels } from 'react-phone-number-input';
import PhoneInput from 'react-phone-number-input/react-hook-form';
import type { PhoneAddress, ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { AddressFormFooter } from './AddressFormFooter';
import { CountrySelect } from '../parts/CountrySelect';

/** Props of the phone number form. */
export interface PhoneAddressFormProps {
  flow: ThreepidFlow;
  submitLabel: string;
  /** Country selected at first (ISO-3166 alpha-2). */
  defaultCountry?: Country;
  /** Limit the country list. */
  countries?: Country[];
  /** Country names in the person's language (react-phone-number-input's `labels`, e.g. `react-phone-number-input/locale/fr`). */
  countryLabels?: Labels;
  /** Initial number, E.164 (`+447700900123`). */
  defaultValue?: string;
  onCancel?: () => void;
}

/**
 * What to send for a typed number: the national number and the country it is dialled from. That is the country
 * the person picked when the number belongs to its calling code (+44 serves GB, GG, JE, IM: libphonenumber's own
 * guess may differ from the person's choice); otherwise the number's own country. Undefined when it is no number.
 */
function phoneAddress(phone: string | undefined, picked: Country | undefined): PhoneAddress | undefined {
  if (!phone || !isValidPhoneNumber(phone)) return undefined;
  const parsed = parsePhoneNumber(phone);
  if (!parsed) return undefined;
  const country = picked && getCountryCallingCode(picked) === parsed.countryCallingCode ? picked : parsed.country;
  if (!country) return undefined;
  return { country, phoneNumber: parsed.nationalNumber, display: parsed.formatInternational() };
}

/** Phone form: country select + number (react-phone-number-input, bundled flags), sends country + national number. */
export function PhoneAddressForm({ flow, submitLabel, defaultCountry, countries, countryLabels, defaultValue, onCancel }: PhoneAddressFormProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const inputId = useId();
  const alertId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  // Back from a later step, the country picked then wins over the host's default.
  const [initialCountry] = useState<Country | undefined>(() => (state.draft.country as Country | undefined) ?? defaultCountry);
  const [country, setCountry] = useState<Country | undefined>(initialCountry);
  const { control, handleSubmit, formState } = useForm<{ phone: string }>({
    defaultValues: { phone: state.draft.address ? state.draft.address.replace(/\s/g, '') : (defaultValue ?? '') },
  });
  const fieldError = formState.errors.phone?.message;
  const busy = state.step === 'requesting';
  const describedBy = [fieldError ? errorId : undefined, hintId, state.error ? alertId : undefined].filter(Boolean).join(' ');

  const submit = handleSubmit(({ phone }) => {
    const address = phoneAddress(phone, country);
    if (address) flow.request(address);
  });

  return (
    <form {...part('form')} noValidate onSubmit={submit}>
      <div {...part('field', fieldError ? 'invalid' : 'valid')}>
        <label {...part('label')} htmlFor={inputId}>
          {t('phone.label')}
        </label>
        <PhoneInput
          numberInputProps={part('input')}
          containerComponentProps={part('phoneInput')}
          name="phone"
          control={control}
          rules={{
            validate: (value: string | undefined) =>
              !value ? t('phone.required') : phoneAddress(value, country) ? true : t('phone.invalid'),
          }}
          id={inputId}
          defaultCountry={initialCountry}
          // A number typed in national form comes back the same way after "Use a different phone number".
          initialValueFormat="national"
          countries={countries}
          labels={countryLabels}
          onCountryChange={setCountry}
          countrySelectComponent={CountrySelect}
          countrySelectProps={{ 'aria-label': t('phone.countryLabel') }}
          autoComplete="tel"
          readOnly={busy}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy}
        />
        <p {...part('hint')} id={hintId}>
          {t('phone.hint')}
        </p>
        {fieldError && (
          <p {...part('fieldError')} id={errorId} role="alert">
            {fieldError}
          </p>
        )}
      </div>
      <AddressFormFooter flow={flow} alertId={alertId} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
