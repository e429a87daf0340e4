import { useMemo, useState, type ClipboardEvent, type FocusEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { getCountries, getCountryCallingCode, isSupportedCountry, isValidPhoneNumber, parsePhoneNumber, type Country, type Labels } from 'react-phone-number-input';
import { regionNames } from '../../i18n/regionNames';
import PhoneInput from 'react-phone-number-input/react-hook-form';
import type { PhoneAddress } from '../../react/useThreepidFlow';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { CountrySelect } from '../parts/CountrySelect';
import { TextField } from '../parts/TextField';
import { sendButton, StepForm } from './StepForm';

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
export function PhoneAddressForm({ flow, defaultValue, onCancel, ...props }: StepProps): ReactNode {
  const { t, part, lang } = useFlowUi();
  const { state } = flow;
  // The shared props type codes as plain strings (the main entry names no phone library); hosts pass this library's own.
  const countries = props.countries as Country[] | undefined;
  const countryLabels = props.countryLabels as Labels | undefined;
  // Current names in the flow's language (Eswatini, Czechia), unless the host brings its own.
  const labels = useMemo(() => countryLabels ?? regionNames(lang, getCountries(), t('phone.international')), [countryLabels, lang, t]);
  // Back from a later step, the country picked then wins over the host's default (if the phone library knows it).
  const [initialCountry] = useState(() => {
    const picked = state.draft.country;
    return picked && isSupportedCountry(picked) ? picked : (props.defaultCountry as Country | undefined);
  });
  const [country, setCountry] = useState(initialCountry);
  return (
    <StepForm
      flow={flow}
      {...sendButton(flow)}
      onCancel={onCancel}
      defaultValues={{ phone: state.draft.address ? state.draft.address.replace(/\s/g, '') : (defaultValue ?? '') }}
      onValid={({ phone }) => {
        const address = phoneAddress(phone, country);
        if (address) flow.request(address);
      }}
    >
      {({ control, formState, alertId, setValue, clearErrors }) => {
        // A pasted "+44 20 7946 0958" (or one typed, once the person leaves the field) picks its country, and the
        // field keeps the national number: the flag and +44 beside it already say the rest. Only a whole valid number
        // of a country on offer is moved; anything else stays as the person gave it.
        const showNational = (text: string): boolean => {
          const address = text.trim().startsWith('+') && phoneAddress(text, country);
          if (!address || (countries && !countries.includes(address.country as Country))) return false;
          // The phone library rewrites its field (national form, the number's country) when handed a new value; the
          // same value as it holds would change nothing, so it is emptied first.
          flushSync(() => setValue('phone', ''));
          setValue('phone', `+${getCountryCallingCode(address.country as Country)}${address.phoneNumber}`);
          clearErrors('phone');
          setCountry(address.country as Country);
          return true;
        };
        return (
          <TextField
            label={t('phone.label')}
            hint={t('phone.hint')}
            fieldError={formState.errors.phone?.message}
            describedBy={alertId}
            render={(attributes) => (
              <PhoneInput
                {...attributes}
                numberInputProps={part('input')}
                containerComponentProps={part('phoneInput')}
                name="phone"
                control={control}
                rules={{
                  validate: (value: string | undefined) => (!value ? t('phone.required') : phoneAddress(value, country) ? true : t('phone.invalid')),
                }}
                defaultCountry={initialCountry}
                // A number typed in national form comes back the same way after "Use a different phone number".
                initialValueFormat="national"
                countries={countries}
                labels={labels}
                locales={lang}
                onCountryChange={setCountry}
                countrySelectComponent={CountrySelect}
                countrySelectProps={{ 'aria-label': t('phone.countryLabel') }}
                autoComplete="tel"
                readOnly={state.step === 'requesting'}
                onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
                  if (showNational(event.clipboardData.getData('text'))) event.preventDefault();
                }}
                onBlur={(event: FocusEvent<HTMLInputElement>) => void showNational(event.target.value)}
              />
            )}
          />
        );
      }}
    </StepForm>
  );
}
