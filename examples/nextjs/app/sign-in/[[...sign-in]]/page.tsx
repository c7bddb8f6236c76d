export default function SignInPage() {
  return (
    <main data-page="sign-in">
      <h1>Sign in</h1>
      <p>A real app renders Clerk&apos;s &lt;SignIn /&gt; here.</p>
    </main>
  );
}
