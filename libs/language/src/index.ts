// The partnership's two languages and its refusals: bilingual text and its limits, strict input, search
// folding, time zones; DomainError with its messages and action words; the message catalogue (../catalogue).
export { actionWords, isActionName, operationsWithoutWords } from './actions';
export type { ActionName, EventKind } from './actions';
export {
  catalogueProblems,
  CATALOGUE_LANGUAGES,
  checkCatalogue,
  defaultDigits,
  formatNumber,
  hasMessage,
  message,
  NAMESPACES,
  RESOURCES,
  timeZoneName,
} from './catalogue';
export type { Digits, MessageKey, MessageValues, Namespace, Reader } from './catalogue';
export { badInput, DomainError, forbidden, notFound, tooManyRequests, unauthenticated } from './domain-error';
export type { ErrorCode } from './domain-error';
export { alternatives, errorMessage, fieldWords } from './error-messages';
export type { EntityName, ErrorMessageKey } from './error-messages';
export { localeFromAcceptLanguage, LOCALES, resolveText } from './localized-text';
export type { LocalizedText, ResolvedText } from './localized-text';
export { foldForSearch, searchableText } from './search-fold';
export { checkedString, parseDay, parseInstant } from './strict-input';
export { optionalText, plainText, requiredText, TEXT_LIMITS } from './text-input';
export type { LocalizedTextInput, TextKind } from './text-input';
export { textLanguage } from './text-language';
export { checkedTimeZone } from './time-zone';
