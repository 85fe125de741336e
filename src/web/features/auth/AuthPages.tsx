import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useLogin, useSession, useSignUp } from './session.ts';

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** Errors that belong to no single field (wrong password, throttled, offline). */
function formError(error: unknown, fields: string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  return fields.some((field) => error.fieldMessage(field)) ? null : error;
}

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

export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return <Navigate to={params.get('next') ?? '/'} replace />;

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
        <Field label="E-mail" error={fieldError(login.error, '/email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={fieldError(login.error, '/password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={formError(login.error, ['/email', '/password'])} />
        <button className="button primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New to Moneta? <Link to="/signup">Create an account</Link>
      </p>
    </AuthFrame>
  );
}

export function SignUpPage() {
  const session = useSession();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return <Navigate to="/" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate({ name, email, password }, { onSuccess: () => navigate('/books/new', { replace: true }) });
  }

  return (
    <AuthFrame title="Create your account">
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
        <Field label="E-mail" error={fieldError(signUp.error, '/email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" hint="At least 10 characters." error={fieldError(signUp.error, '/password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={formError(signUp.error, ['/name', '/email', '/password'])} />
        <button className="button primary" type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </AuthFrame>
  );
}
