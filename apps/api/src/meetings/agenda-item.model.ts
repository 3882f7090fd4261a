import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgendaItemKind, AgendaPresenter } from '@majlis/domain';

registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'Section (holds sub-items), presentation, discussion, decision or programme.',
});
registerEnumType(AgendaPresenter, { name: 'AgendaPresenter', description: 'Who presents an item.' });

@ObjectType('AgendaItem', { description: "One item of a meeting's agenda; sections hold sub-items." })
export class AgendaItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => Int, { description: '0-based place among its siblings.' })
  position!: number;

  @Field(() => AgendaItemKind)
  kind!: AgendaItemKind;

  @Field(() => Int, { nullable: true })
  plannedMinutes!: number | null;

  @Field(() => AgendaPresenter, { nullable: true })
  presenter!: AgendaPresenter | null;
}
