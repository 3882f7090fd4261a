export { SignInPage } from './SignInPage';
export { SignInForm, type SignedIn } from './SignInForm';
export { LogoutDocument } from './documents';
