import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { LocalizedText, resolveText } from '@majlis/domain';
import type { GraphqlContext } from './graphql-context';

export enum Locale {
  ar = 'ar',
  en = 'en',
}
registerEnumType(Locale, { name: 'Locale', description: 'A language majlis speaks: Arabic (ar) or English (en).' });

@ObjectType('LocalizedString', { description: 'A human text in the language asked for, or the other one.' })
export class LocalizedString {
  @Field()
  text!: string;

  @Field(() => Locale, { description: 'The language of `text`.' })
  language!: LocaleCode;

  @Field({ description: 'True when the requested language was missing and the other one was returned.' })
  isFallback!: boolean;
}

/** A text field's value: the `locale` argument, else the request's Accept-Language, else the authoritative one. */
export const localized = (
  value: LocalizedText,
  locale: LocaleCode | undefined,
  context: GraphqlContext,
): LocalizedString => resolveText(value, locale ?? context.locale);
