import { graphql } from '../../gql';

export const FailedDeliveriesDocument = graphql(`
  query FailedDeliveries($first: Int, $after: String) {
    failedDeliveries(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          channel
          topic
          address
          attempts
          round
          lastError
          failedAt
          createdAt
          status
          recipient {
            id
            email
          }
        }
      }
    }
  }
`);

export const RetryDeliveryDocument = graphql(`
  mutation RetryDelivery($id: ID!) {
    retryDelivery(id: $id) {
      id
      status
      round
      attempts
    }
  }
`);

export const QueuesOnRedisDocument = graphql(`
  query QueuesOnRedis {
    instance {
      queuesOnRedis
    }
  }
`);

export const WebhookEndpointRowFragment = graphql(`
  fragment WebhookEndpointRow on WebhookEndpoint {
    id
    url
    active
    locale
    memberCityId
    createdAt
  }
`);

export const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointRow
    }
  }
`);

export const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointRow
      }
    }
  }
`);

export const RemoveWebhookEndpointDocument = graphql(`
  mutation RemoveWebhookEndpoint($id: ID!) {
    removeWebhookEndpoint(id: $id) {
      id
      active
    }
  }
`);
