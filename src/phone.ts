// The phone entry (`matrix-threepid-kit/phone`): everything that needs react-phone-number-input, so the main entry
// needs no phone package and an email-only host bundles none of it.
export { AddPhoneFlow, type AddPhoneFlowProps } from './components/AddPhoneFlow';
export { phoneForm } from './components/phoneForm';
