import { Injectable } from '@nestjs/common';
import { EntityRepository, rowById, type Transaction } from '@majlis/persistence';
import { MemberCity } from '../partnership';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** The addresses that hear events by HTTPS POST; their secrets are read only to sign a call. */
@Injectable()
export class WebhookEndpointRepository extends EntityRepository<WebhookEndpoint> {
  protected readonly entity = WebhookEndpoint;
  protected readonly entityName = 'webhookEndpoint' as const;

  /** Every endpoint, removed ones too, oldest first. */
  all(): Promise<WebhookEndpoint[]> {
    return this.db().find(WebhookEndpoint, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Whether the member city an endpoint would belong to exists. */
  async cityExists(tx: Transaction, memberCityId: string): Promise<boolean> {
    return (await rowById(this.db(tx), MemberCity, memberCityId)) !== null;
  }

  add(
    tx: Transaction,
    endpoint: Pick<WebhookEndpoint, 'memberCityId' | 'url' | 'secret' | 'locale' | 'createdById'>,
  ): Promise<WebhookEndpoint> {
    const manager = this.db(tx);
    return manager.save(manager.create(WebhookEndpoint, endpoint));
  }

  async deactivate(tx: Transaction, id: string): Promise<void> {
    await this.db(tx).update(WebhookEndpoint, { id }, { active: false });
  }

  /** The endpoint with its signing secret, for a call. */
  withSecret(id: string | null): Promise<WebhookEndpoint | null> {
    return this.db()
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id', { id })
      .getOne();
  }

  /** The active endpoints that hear of an event about these cities: theirs, and the partnership's. */
  activeFor(tx: Transaction, cityIds: readonly string[]): Promise<WebhookEndpoint[]> {
    return this.db(tx)
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .where('endpoint.active')
      .andWhere('(endpoint.member_city_id IS NULL OR endpoint.member_city_id = ANY(:cities))', { cities: cityIds })
      .orderBy('endpoint.id')
      .getMany();
  }
}
