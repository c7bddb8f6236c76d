export default function SignUp() {
  return <main data-route="app/sign-up/[[...sign-up]]/page.tsx">Sign up</main>;
}
