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
      setupRequired
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

export const PasswordLinkDocument = graphql(`
  query PasswordLink($token: String!) {
    passwordLink(token: $token) {
      purpose
      email
      expiresAt
      name {
        ...Text
      }
    }
  }
`);

export const SetPasswordDocument = graphql(`
  mutation SetPassword($token: String!, $password: String!) {
    setPassword(token: $token, password: $password) {
      expiresAt
      user {
        id
        preferredLocale
      }
    }
  }
`);

export const CompleteSetupDocument = graphql(`
  mutation CompleteSetup($input: SetupInput!) {
    completeSetup(input: $input) {
      expiresAt
      user {
        id
        preferredLocale
      }
    }
  }
`);

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
