import { AddEmailFlow, ResetPasswordFlow } from 'matrix-threepid-kit';
import { AddPhoneFlow, phoneForm } from 'matrix-threepid-kit/phone';
import { mountHost } from './shell.js';

// Every flow, the phone ones from the phone entry; the reset offers both media.
mountHost({
  'add-email': (done) => <AddEmailFlow onComplete={done} />,
  'add-phone': (done) => <AddPhoneFlow onComplete={done} />,
  reset: (done) => <ResetPasswordFlow media={['email', 'msisdn']} phoneForm={phoneForm} onComplete={done} />,
});
