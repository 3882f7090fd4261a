import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { LocalizedText, resolveText, TEXT_LIMITS } from '@majlis/language';
import type { GraphqlContext } from './graphql-context';

export enum Locale {
  ar = 'ar',
  en = 'en',
}
registerEnumType(Locale, { name: 'Locale', description: 'A language majlis speaks: Arabic (ar) or English (en).' });

@ObjectType('LocalizedString', {
  description: 'A human text in the language asked for (or the other one), with both originals for editing.',
})
export class LocalizedString {
  @Field()
  text!: string;

  @Field(() => Locale, { description: 'The language of `text`.' })
  language!: LocaleCode;

  @Field({ description: 'True when the requested language was missing and the other one was returned.' })
  isFallback!: boolean;

  @Field(() => String, { nullable: true, description: 'The Arabic text, exactly as written.' })
  ar!: string | null;

  @Field(() => String, { nullable: true, description: 'The English text, exactly as written.' })
  en!: string | null;

  @Field(() => Locale, { description: 'The language the author wrote in; the other may be a translation.' })
  authoritative!: LocaleCode;
}

@InputType('LocalizedTextInput', {
  description:
    `A text in Arabic, English or both (blank counts as absent). Limits per language, in characters: ` +
    `titles ${TEXT_LIMITS.title}, names ${TEXT_LIMITS.name}, summaries ${TEXT_LIMITS.summary}, ` +
    `descriptions ${TEXT_LIMITS.description}, comments ${TEXT_LIMITS.comment}, bodies ${TEXT_LIMITS.body}.`,
})
export class LocalizedTextInputModel {
  @Field(() => String, { nullable: true })
  ar?: string | null;

  @Field(() => String, { nullable: true })
  en?: string | null;

  @Field(() => Locale, {
    nullable: true,
    description: "Defaults to the only language given, or the author's own when both are.",
  })
  authoritative?: LocaleCode | null;
}

/** A text field's value: the `locale` argument, else the request's Accept-Language, else the authoritative one. */
export const localized = (
  value: LocalizedText,
  locale: LocaleCode | undefined,
  context: GraphqlContext,
): LocalizedString => ({
  ...resolveText(value, locale ?? context.locale),
  ar: value.ar ?? null,
  en: value.en ?? null,
  authoritative: value.authoritative,
});

/** The same for a text that may be absent. */
export const localizedOrNull = (
  value: LocalizedText | null,
  locale: LocaleCode | undefined,
  context: GraphqlContext,
): LocalizedString | null => (value === null ? null : localized(value, locale, context));
