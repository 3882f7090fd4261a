import { Module } from '@nestjs/common';
import { PersonRepository } from './person.repository';

/** People's rows on their own: for features that read or change people without signing anyone in (the worker). */
@Module({
  providers: [PersonRepository],
  exports: [PersonRepository],
})
export class PeopleModule {}
