import { graphql } from '../../gql';

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      expiresAt
      user {
        id
        preferredLocale
      }
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const InstanceDocument = graphql(`
  query Instance {
    instance {
      demo
      demoPassword
      demoAccounts {
        email
        roles
        isHeadOfDelegation
        name {
          ...Text
        }
        memberCity {
          id
          name {
            ...Text
          }
        }
      }
    }
  }
`);
