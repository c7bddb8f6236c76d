export default function SignIn() {
  return <main data-route="app/sign-in/[[...sign-in]]/page.tsx">Sign in</main>;
}
