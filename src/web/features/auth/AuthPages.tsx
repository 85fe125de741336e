import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { NEW_PASSWORD_HINT, PasswordField } from '../../ui/PasswordField.tsx';
import { useAuthOptions, useLogin, useSession, useSignUp } from './session.ts';

function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand" aria-hidden="true">
          Moneta
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** The e-mail address that names an account: `username` to log in with it, `email` to sign up. */
function EmailField({
  autoComplete,
  value,
  onChange,
  error,
}: {
  autoComplete: 'username' | 'email';
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <Field label="E-mail" error={error}>
      {(props) => (
        <input
          {...props}
          type="email"
          autoComplete={autoComplete}
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function LoginPage() {
  const session = useSession();
  const registration = useAuthOptions().data?.registration;
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return <Navigate to={params.get('next') ?? '/'} replace />;
  // A new instance: nobody could log in, so lead the first visitor to create the administrator.
  if (registration === 'first-user') return <Navigate to="/signup" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => navigate(params.get('next') ?? '/', { replace: true }) },
    );
  }

  return (
    <AuthFrame title="Log in">
      <form onSubmit={submit} noValidate>
        <EmailField
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fieldError(login.error, '/email')}
        />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError(login.error, '/password')}
        />
        <ErrorNotice error={formError(login.error, ['/email', '/password'])} />
        <button className="button primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      {registration === 'open' && (
        <p>
          New to Moneta? <Link to="/signup">Create an account</Link>
        </p>
      )}
    </AuthFrame>
  );
}

export function SignUpPage() {
  const session = useSession();
  const registration = useAuthOptions().data?.registration;
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return <Navigate to="/" replace />;
  if (registration === 'closed') {
    return (
      <AuthFrame title="Registration is closed">
        <p>This Moneta does not take new accounts. Ask its administrator to create one for you.</p>
        <p>
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </AuthFrame>
    );
  }
  const first = registration === 'first-user';

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate({ name, email, password }, { onSuccess: () => navigate('/books/new', { replace: true }) });
  }

  return (
    <AuthFrame title={first ? 'Create the administrator account' : 'Create your account'}>
      {first && <p>Nobody has an account on this Moneta yet. The first account administers it.</p>}
      <form onSubmit={submit} noValidate>
        <Field label="Name" error={fieldError(signUp.error, '/name')}>
          {(props) => (
            <input
              {...props}
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <EmailField
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={fieldError(signUp.error, '/email')}
        />
        <PasswordField
          label="Password"
          hint={NEW_PASSWORD_HINT}
          autoComplete="new-password"
          minLength={10}
          value={password}
          onChange={setPassword}
          error={fieldError(signUp.error, '/password')}
        />
        <ErrorNotice error={formError(signUp.error, ['/name', '/email', '/password'])} />
        <button className="button primary" type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      {!first && (
        <p>
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      )}
    </AuthFrame>
  );
}
