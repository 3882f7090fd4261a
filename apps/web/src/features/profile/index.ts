export { LanguageSwitch, DigitsMenuItems } from './ProfileControls';
export { TimeZoneDialog } from './TimeZoneDialog';
