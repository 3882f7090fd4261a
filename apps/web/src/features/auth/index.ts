export { SignInPage } from './SignInPage';
export { SignInForm, type SignedIn } from './SignInForm';
export { SetupPage } from './SetupPage';
export { SetPasswordPage } from './SetPasswordPage';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { NewPasswordFields } from './NewPasswordFields';
export { LogoutDocument } from './documents';
