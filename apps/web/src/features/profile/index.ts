export { LanguageSwitch, DigitsMenuItems } from './ProfileControls';
