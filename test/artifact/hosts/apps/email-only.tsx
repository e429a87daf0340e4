import { AddEmailFlow, ResetPasswordFlow } from 'matrix-threepid-kit';
import { mountHost } from './shell.js';

// An email-only host: nothing here may pull in a phone package (none is installed).
mountHost({
  'add-email': (done) => <AddEmailFlow onComplete={done} />,
  reset: (done) => <ResetPasswordFlow media={['email']} onComplete={done} />,
});
