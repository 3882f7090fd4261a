import { Injectable } from '@nestjs/common';
import { EntityRepository } from '@majlis/persistence';
import { MemberCity } from '../partnership';

/** The member cities people belong to and seats are given for: read by id, locked while a seat changes. */
@Injectable()
export class MemberCityRepository extends EntityRepository<MemberCity> {
  protected readonly entity = MemberCity;
  protected readonly entityName = 'memberCity' as const;
}
