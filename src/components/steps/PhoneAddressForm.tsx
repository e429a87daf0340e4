import { useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { isValidPhoneNumber, parsePhoneNumber, type Country } from 'react-phone-number-input';
import flags from 'react-phone-number-input/flags';
import PhoneInput from 'react-phone-number-input/react-hook-form';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';

/** Props of the phone number form. */
export interface PhoneAddressFormProps {
  flow: ThreepidFlow;
  submitLabel: string;
  /** Country selected at first (ISO-3166 alpha-2). */
  defaultCountry?: Country;
  /** Limit the country list. */
  countries?: Country[];
  /** Initial number, E.164 (`+447700900123`). */
  defaultValue?: string;
  onCancel?: () => void;
}

/** Phone form: country select + number (react-phone-number-input, bundled flags), sends country + national number. */
export function PhoneAddressForm({ flow, submitLabel, defaultCountry, countries, defaultValue, onCancel }: PhoneAddressFormProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const inputId = useId();
  const alertId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [country, setCountry] = useState<Country | undefined>((state.draft.country as Country | undefined) ?? defaultCountry);
  const { control, handleSubmit, formState } = useForm<{ phone: string }>({
    defaultValues: { phone: state.draft.address ? state.draft.address.replace(/\s/g, '') : (defaultValue ?? '') },
  });
  const fieldError = formState.errors.phone?.message;
  const busy = state.step === 'requesting';
  const describedBy = [fieldError ? errorId : undefined, hintId, state.error ? alertId : undefined].filter(Boolean).join(' ');

  const submit = handleSubmit(({ phone }) => {
    const parsed = parsePhoneNumber(phone);
    const dialledFrom = parsed?.country ?? country;
    if (!parsed || !dialledFrom) return;
    flow.request({ country: dialledFrom, phoneNumber: parsed.nationalNumber, display: parsed.formatInternational() });
  });

  return (
    <form {...part('form')} noValidate onSubmit={submit}>
      <div {...part('field', fieldError ? 'invalid' : 'valid')}>
        <label {...part('label')} htmlFor={inputId}>
          {t('phone.label')}
        </label>
        <PhoneInput
          {...part('input')}
          containerComponentProps={part('phoneInput')}
          name="phone"
          control={control}
          rules={{
            validate: (value: string | undefined) =>
              !value ? t('phone.required') : isValidPhoneNumber(value) ? true : t('phone.invalid'),
          }}
          id={inputId}
          flags={flags}
          defaultCountry={defaultCountry}
          countries={countries}
          onCountryChange={setCountry}
          countrySelectProps={{ ...part('countrySelect'), 'aria-label': t('phone.countryLabel') }}
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
      <Alert error={state.error} id={alertId} />
      <div {...part('actions')}>
        <Button type="submit" busy={busy} busyLabel={t('common.sending')}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
