import { StrictMode, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider, type FlowResult } from '../src/index';
import { AddPhoneFlow } from '../src/phone';
import { createThreepidClient } from '../src/protocol';
import '../src/styles/styles.css';
import { readDemoParams, type DemoParams } from './params';
import { SignUpForm } from './SignUpForm';

// The e2e tests read these two hooks: the kit's own UI is what they drive, this only reports the outcome.
const RESULT_ID = 'demo-result';

// What the demo reports when a flow finished: the result as text.
const completed = ({ purpose, medium, address }: FlowResult): string => `Completed: ${purpose} ${medium} ${address}`;

function Flow({ params, onComplete }: { params: DemoParams; onComplete: (text: string) => void }): ReactNode {
  const persist = params.persist ? window.sessionStorage : undefined;
  switch (params.flow) {
    case 'add-email':
      return <AddEmailFlow persist={persist} onComplete={(result) => onComplete(completed(result))} />;
    case 'add-phone':
      return <AddPhoneFlow persist={persist} onComplete={(result) => onComplete(completed(result))} />;
    case 'reset':
      return <ResetPasswordFlow persist={persist} onComplete={(result) => onComplete(completed(result))} />;
    case 'register':
      return <SignUpForm homeserver={params.homeserver} onRegistered={({ user_id }) => onComplete(`Completed: register ${user_id}`)} />;
  }
}

function Demo({ params }: { params: DemoParams }): ReactNode {
  const [result, setResult] = useState<string | null>(null);
  const client = useMemo(
    () => createThreepidClient({ baseUrl: params.homeserver, accessToken: params.accessToken }),
    [params.homeserver, params.accessToken],
  );
  return (
    <ThreepidProvider client={client}>
      <h1>matrix-threepid-kit demo</h1>
      <Flow params={params} onComplete={setResult} />
      <output id={RESULT_ID} data-complete={result ? 'true' : 'false'}>
        {result ?? ''}
      </output>
    </ThreepidProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('demo/index.html has no #root');
const params = readDemoParams(window.location);
createRoot(root).render(
  <StrictMode>{typeof params === 'string' ? <p role="alert">{params}</p> : <Demo params={params} />}</StrictMode>,
);
