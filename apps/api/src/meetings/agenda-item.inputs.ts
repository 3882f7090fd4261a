import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AgendaItemKind, AgendaPresenter } from '@majlis/domain';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';

@InputType('UpdateAgendaItemInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdateAgendaItemInputModel {
  @Field(() => AgendaItemKind, { nullable: true })
  kind?: AgendaItemKind | null;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  title?: LocalizedTextInputModel | null;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  description?: LocalizedTextInputModel | null;

  @Field(() => Int, { nullable: true, description: '1 to 1440.' })
  plannedMinutes?: number | null;

  @Field(() => AgendaPresenter, { nullable: true })
  presenter?: AgendaPresenter | null;

  @Field(() => ID, { nullable: true, description: 'A delegation to this meeting; implies presenter DELEGATION.' })
  presenterDelegationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal the item is about.' })
  proposalId?: string | null;
}

@InputType('AddAgendaItemInput')
export class AddAgendaItemInputModel extends UpdateAgendaItemInputModel {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => AgendaItemKind)
  declare kind: AgendaItemKind;

  @Field(() => LocalizedTextInputModel)
  declare title: LocalizedTextInputModel;

  @Field(() => ID, { nullable: true, description: 'The section it goes under; the top level when absent.' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: '0-based place among its siblings; the end when absent.' })
  position?: number | null;
}
