// A host's own sign-up form that drives User-Interactive Auth itself and drops the kit's email stage in.
// The README's "host drives UIA" example; the demo (e2e) and the "inside a sign-up form" story mount it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { RegistrationThreepidStage, type RegistrationStageResult } from '../src/index';

/** What `/register` answers once the account exists. */
export interface Registered {
  user_id: string;
  access_token?: string;
}

/** Props of the example form. */
export interface SignUpFormProps {
  /** The homeserver's base URL. */
  homeserver: string;
  /** Called with `/register`'s answer once the account exists. */
  onRegistered(answer: Registered): void;
  /** fetch to use; default the global one (the story passes the fake homeserver's). */
  fetch?: typeof fetch;
}

/** `POST /register`: the JSON answer, or throws `{ status, body }` for an error status (a 401 carries the UIA body). */
export async function postRegister(server: Pick<SignUpFormProps, 'homeserver' | 'fetch'>, body: object, signal?: AbortSignal): Promise<unknown> {
  const res = await (server.fetch ?? fetch)(`${server.homeserver}/_matrix/client/v3/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw Object.assign(new Error(`register answered ${res.status}`), { status: res.status, body: json });
  return json;
}

const sessionOf = (body: unknown): string | undefined => {
  const session = (body as { session?: unknown } | undefined)?.session;
  return typeof session === 'string' ? session : undefined;
};

/** Username, password and email; then the kit's stage proves the email, and the form finishes the sign-up. */
export function SignUpForm(props: SignUpFormProps): ReactNode {
  const [stage, setStage] = useState<{ session: string; email: string }>();
  const [problem, setProblem] = useState('');

  async function start(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const email = String(fields.get('email'));
    // The first call, without auth, checks the username and password and answers 401 with the UIA session.
    const answer = await postRegister(props, { username: fields.get('username'), password: fields.get('password') }).catch(
      (error: { status?: number; body?: { error?: string } }) => (error.status === 401 ? error.body : setProblem(error.body?.error ?? 'Sign-up failed.')),
    );
    const session = sessionOf(answer);
    if (session) setStage({ session, email });
  }

  function finish({ response, nextStages }: RegistrationStageResult): void {
    // A server may ask for more stages after this one (a registration token, terms…): a real form renders those next.
    if (nextStages) setProblem(`The server asks for more: ${nextStages.flows.map((flow) => flow.stages.join(' + ')).join(' or ')}`);
    else props.onRegistered(response as Registered);
  }

  if (stage) {
    return (
      <RegistrationThreepidStage
        session={stage.session}
        address={stage.email}
        submitAuth={(auth, signal) => postRegister(props, { auth }, signal)}
        onComplete={finish}
        onCancel={() => setStage(undefined)}
      />
    );
  }
  return (
    <form onSubmit={(event) => void start(event)} aria-label="Create an account">
      <label>
        Username <input name="username" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <label>
        Email <input name="email" type="email" autoComplete="email" required />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Create account</button>
    </form>
  );
}
