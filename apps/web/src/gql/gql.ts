/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PersonRow on Person {\n    id\n    email\n    roles\n    isHeadOfDelegation\n    active\n    invitationPending\n    preferredLocale\n    timeZone\n    formOfAddress\n    name {\n      ...Text\n    }\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    boardSeat {\n      id\n      isChair\n      startsOn\n    }\n  }\n": typeof types.PersonRowFragmentDoc,
    "\n  query People($filter: PersonFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...PersonRow\n        }\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      ...PersonRow\n    }\n  }\n": typeof types.InvitePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      ...PersonRow\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation SetPersonActive($id: ID!, $active: Boolean!) {\n    setPersonActive(id: $id, active: $active) {\n      ...PersonRow\n    }\n  }\n": typeof types.SetPersonActiveDocument,
    "\n  mutation ResendInvitation($personId: ID!) {\n    resendInvitation(personId: $personId) {\n      ...PersonRow\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  fragment CityRow on MemberCity {\n    id\n    code\n    countryCode\n    timeZone\n    joinedYear\n    name {\n      ...Text\n    }\n    coordinatingOffice {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n": typeof types.CityRowFragmentDoc,
    "\n  query AdminCities {\n    memberCities {\n      ...CityRow\n    }\n  }\n": typeof types.AdminCitiesDocument,
    "\n  mutation CreateMemberCity($input: MemberCityInput!) {\n    createMemberCity(input: $input) {\n      ...CityRow\n    }\n  }\n": typeof types.CreateMemberCityDocument,
    "\n  mutation UpdateMemberCity($id: ID!, $input: UpdateMemberCityInput!) {\n    updateMemberCity(id: $id, input: $input) {\n      ...CityRow\n    }\n  }\n": typeof types.UpdateMemberCityDocument,
    "\n  fragment SeatRow on BoardSeat {\n    id\n    isChair\n    startsOn\n    endsOn\n    current\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    holder {\n      id\n      email\n      name {\n        ...Text\n      }\n    }\n  }\n": typeof types.SeatRowFragmentDoc,
    "\n  query BoardSeats($currentOnly: Boolean) {\n    boardSeats(currentOnly: $currentOnly) {\n      ...SeatRow\n    }\n  }\n": typeof types.BoardSeatsDocument,
    "\n  mutation AssignBoardSeat($input: AssignBoardSeatInput!) {\n    assignBoardSeat(input: $input) {\n      ...SeatRow\n    }\n  }\n": typeof types.AssignBoardSeatDocument,
    "\n  mutation EndBoardSeat($id: ID!, $endsOn: String!) {\n    endBoardSeat(id: $id, endsOn: $endsOn) {\n      ...SeatRow\n    }\n  }\n": typeof types.EndBoardSeatDocument,
    "\n  query FailedDeliveries($first: Int, $after: String) {\n    failedDeliveries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          channel\n          topic\n          address\n          attempts\n          round\n          lastError\n          failedAt\n          createdAt\n          status\n          recipient {\n            id\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.FailedDeliveriesDocument,
    "\n  mutation RetryDelivery($id: ID!) {\n    retryDelivery(id: $id) {\n      id\n      status\n      round\n      attempts\n    }\n  }\n": typeof types.RetryDeliveryDocument,
    "\n  query QueuesOnRedis {\n    instance {\n      queuesOnRedis\n    }\n  }\n": typeof types.QueuesOnRedisDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      active\n      locale\n      memberCityId\n      createdAt\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        active\n        locale\n        memberCityId\n        createdAt\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation RemoveWebhookEndpoint($id: ID!) {\n    removeWebhookEndpoint(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.RemoveWebhookEndpointDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Instance {\n    instance {\n      setupRequired\n      demo\n      demoPassword\n      demoAccounts {\n        email\n        roles\n        isHeadOfDelegation\n        name {\n          ...Text\n        }\n        memberCity {\n          id\n          name {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n": typeof types.InstanceDocument,
    "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      email\n      expiresAt\n      name {\n        ...Text\n      }\n    }\n  }\n": typeof types.PasswordLinkDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  fragment BallotLive on Ballot {\n    id\n    state\n    version\n    openedAt\n    closesAt\n    closedAt\n    result\n    decidedByChair\n    rules {\n      quorum\n      majority\n      abstentionsCountAsCast\n      tieBreak\n      secret\n    }\n    chair {\n      id\n      name {\n        ...Text\n      }\n    }\n    progress {\n      cast\n      eligible\n      eligibleToVote\n      myVote\n      tally {\n        yes\n        no\n        abstain\n      }\n      votes {\n        choice\n        voterId\n        voter {\n          id\n          name {\n            ...Text\n          }\n          memberCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BallotLiveFragmentDoc,
    "\n  query BallotPage($id: ID!) {\n    ballot(id: $id) {\n      ...BallotLive\n      proposal {\n        id\n        state\n        category\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        ownerCity {\n          id\n          name {\n            ...Text\n          }\n        }\n        meeting {\n          id\n          timeZone\n          title {\n            ...Text\n          }\n        }\n        revisions {\n          id\n          number\n          title {\n            ...Text\n          }\n          summary {\n            ...Text\n          }\n          body {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n": typeof types.BallotPageDocument,
    "\n  subscription BallotUpdated($id: ID!) {\n    ballotUpdated(ballotId: $id) {\n      ...BallotLive\n    }\n  }\n": typeof types.BallotUpdatedDocument,
    "\n  mutation CastVote($ballotId: ID!, $choice: VoteChoice!, $idempotencyKey: String!) {\n    castVote(ballotId: $ballotId, choice: $choice, idempotencyKey: $idempotencyKey) {\n      ballotId\n      choice\n      castAt\n    }\n  }\n": typeof types.CastVoteDocument,
    "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      proposalId\n      reason\n      declaredAt\n    }\n  }\n": typeof types.DeclareConflictDocument,
    "\n  query BallotList($filter: BallotFilter, $first: Int, $after: String) {\n    ballots(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          state\n          closesAt\n          closedAt\n          result\n          progress {\n            cast\n            eligible\n            eligibleToVote\n            myVote\n          }\n          proposal {\n            id\n            title {\n              ...Text\n            }\n            ownerCity {\n              id\n              name {\n                ...Text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BallotListDocument,
    "\n  query PublishedAgendas {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          state\n          startsAt\n          timeZone\n          title {\n            ...Text\n          }\n          hostCity {\n            id\n            name {\n              ...Text\n            }\n          }\n          agenda {\n            id\n            number\n            title {\n              ...Text\n            }\n            proposal {\n              id\n            }\n            children {\n              id\n              number\n              title {\n                ...Text\n              }\n              proposal {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PublishedAgendasDocument,
    "\n  query NotificationList($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          topic\n          title\n          body\n          locale\n          createdAt\n          readAt\n          path\n        }\n      }\n    }\n  }\n": typeof types.NotificationListDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all) {\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query NotificationSettings {\n    notificationPreferences {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!], $timeZone: String) {\n    updateNotificationPreferences(preferences: $preferences, timeZone: $timeZone) {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  query CalendarFeed {\n    calendarFeed {\n      createdAt\n    }\n  }\n": typeof types.CalendarFeedDocument,
    "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      url\n      feed {\n        createdAt\n      }\n    }\n  }\n": typeof types.CreateCalendarFeedDocument,
    "\n  mutation RevokeCalendarFeed {\n    revokeCalendarFeed\n  }\n": typeof types.RevokeCalendarFeedDocument,
    "\n  fragment PlanItem on ActionItem {\n    id\n    kind\n    state\n    progress\n    startDate\n    dueDate\n    overdue\n    title {\n      ...Text\n    }\n    ownerCity {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n": typeof types.PlanItemFragmentDoc,
    "\n  query PlanPage($id: ID!) {\n    implementationPlan(id: $id) {\n      id\n      createdAt\n      result\n      title {\n        ...Text\n      }\n      programme {\n        ...Text\n      }\n      proposal {\n        id\n        title {\n          ...Text\n        }\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n        itemsByState {\n          state\n          count\n        }\n      }\n      items {\n        ...PlanItem\n        children {\n          ...PlanItem\n        }\n      }\n    }\n  }\n": typeof types.PlanPageDocument,
    "\n  query FollowupHome {\n    implementationPlans {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        overdueCount\n      }\n    }\n    followupByCity {\n      memberCityId\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n": typeof types.FollowupHomeDocument,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      preferredLocale\n      digits\n      timeZone\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  fragment ProposalLive on Proposal {\n    id\n    state\n    version\n    updatedAt\n    ballot {\n      id\n      state\n      result\n      closesAt\n      closedAt\n      progress {\n        cast\n        eligible\n      }\n    }\n    implementationPlan {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n": typeof types.ProposalLiveFragmentDoc,
    "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalLive\n      category\n      createdAt\n      title {\n        ...Text\n      }\n      summary {\n        ...Text\n      }\n      ownerCity {\n        id\n        name {\n          ...Text\n        }\n      }\n      cosponsors {\n        id\n        name {\n          ...Text\n        }\n      }\n      meeting {\n        id\n        timeZone\n        startsAt\n        title {\n          ...Text\n        }\n      }\n      revisions {\n        id\n        number\n        createdAt\n        frozenAt\n        author {\n          id\n          name {\n            ...Text\n          }\n        }\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        body {\n          ...Text\n        }\n      }\n    }\n  }\n": typeof types.ProposalPageDocument,
    "\n  subscription ProposalUpdated($id: ID!) {\n    proposalUpdated(id: $id) {\n      ...ProposalLive\n    }\n  }\n": typeof types.ProposalUpdatedDocument,
    "\n  query ProposalList($filter: ProposalFilter, $first: Int) {\n    proposals(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          state\n          updatedAt\n          title {\n            ...Text\n          }\n          ownerCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProposalListDocument,
    "\n  fragment Text on LocalizedString {\n    ar\n    en\n    authoritative\n  }\n": typeof types.TextFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      email\n      roles\n      isHeadOfDelegation\n      preferredLocale\n      digits\n      timeZone\n      name {\n        ...Text\n      }\n      memberCity {\n        id\n        timeZone\n        name {\n          ...Text\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadCountDocument,
};
const documents: Documents = {
    "\n  fragment PersonRow on Person {\n    id\n    email\n    roles\n    isHeadOfDelegation\n    active\n    invitationPending\n    preferredLocale\n    timeZone\n    formOfAddress\n    name {\n      ...Text\n    }\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    boardSeat {\n      id\n      isChair\n      startsOn\n    }\n  }\n": types.PersonRowFragmentDoc,
    "\n  query People($filter: PersonFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...PersonRow\n        }\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      ...PersonRow\n    }\n  }\n": types.InvitePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      ...PersonRow\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation SetPersonActive($id: ID!, $active: Boolean!) {\n    setPersonActive(id: $id, active: $active) {\n      ...PersonRow\n    }\n  }\n": types.SetPersonActiveDocument,
    "\n  mutation ResendInvitation($personId: ID!) {\n    resendInvitation(personId: $personId) {\n      ...PersonRow\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  fragment CityRow on MemberCity {\n    id\n    code\n    countryCode\n    timeZone\n    joinedYear\n    name {\n      ...Text\n    }\n    coordinatingOffice {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n": types.CityRowFragmentDoc,
    "\n  query AdminCities {\n    memberCities {\n      ...CityRow\n    }\n  }\n": types.AdminCitiesDocument,
    "\n  mutation CreateMemberCity($input: MemberCityInput!) {\n    createMemberCity(input: $input) {\n      ...CityRow\n    }\n  }\n": types.CreateMemberCityDocument,
    "\n  mutation UpdateMemberCity($id: ID!, $input: UpdateMemberCityInput!) {\n    updateMemberCity(id: $id, input: $input) {\n      ...CityRow\n    }\n  }\n": types.UpdateMemberCityDocument,
    "\n  fragment SeatRow on BoardSeat {\n    id\n    isChair\n    startsOn\n    endsOn\n    current\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    holder {\n      id\n      email\n      name {\n        ...Text\n      }\n    }\n  }\n": types.SeatRowFragmentDoc,
    "\n  query BoardSeats($currentOnly: Boolean) {\n    boardSeats(currentOnly: $currentOnly) {\n      ...SeatRow\n    }\n  }\n": types.BoardSeatsDocument,
    "\n  mutation AssignBoardSeat($input: AssignBoardSeatInput!) {\n    assignBoardSeat(input: $input) {\n      ...SeatRow\n    }\n  }\n": types.AssignBoardSeatDocument,
    "\n  mutation EndBoardSeat($id: ID!, $endsOn: String!) {\n    endBoardSeat(id: $id, endsOn: $endsOn) {\n      ...SeatRow\n    }\n  }\n": types.EndBoardSeatDocument,
    "\n  query FailedDeliveries($first: Int, $after: String) {\n    failedDeliveries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          channel\n          topic\n          address\n          attempts\n          round\n          lastError\n          failedAt\n          createdAt\n          status\n          recipient {\n            id\n            email\n          }\n        }\n      }\n    }\n  }\n": types.FailedDeliveriesDocument,
    "\n  mutation RetryDelivery($id: ID!) {\n    retryDelivery(id: $id) {\n      id\n      status\n      round\n      attempts\n    }\n  }\n": types.RetryDeliveryDocument,
    "\n  query QueuesOnRedis {\n    instance {\n      queuesOnRedis\n    }\n  }\n": types.QueuesOnRedisDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      active\n      locale\n      memberCityId\n      createdAt\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        active\n        locale\n        memberCityId\n        createdAt\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation RemoveWebhookEndpoint($id: ID!) {\n    removeWebhookEndpoint(id: $id) {\n      id\n      active\n    }\n  }\n": types.RemoveWebhookEndpointDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Instance {\n    instance {\n      setupRequired\n      demo\n      demoPassword\n      demoAccounts {\n        email\n        roles\n        isHeadOfDelegation\n        name {\n          ...Text\n        }\n        memberCity {\n          id\n          name {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n": types.InstanceDocument,
    "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      email\n      expiresAt\n      name {\n        ...Text\n      }\n    }\n  }\n": types.PasswordLinkDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": types.SetPasswordDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n": types.CompleteSetupDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  fragment BallotLive on Ballot {\n    id\n    state\n    version\n    openedAt\n    closesAt\n    closedAt\n    result\n    decidedByChair\n    rules {\n      quorum\n      majority\n      abstentionsCountAsCast\n      tieBreak\n      secret\n    }\n    chair {\n      id\n      name {\n        ...Text\n      }\n    }\n    progress {\n      cast\n      eligible\n      eligibleToVote\n      myVote\n      tally {\n        yes\n        no\n        abstain\n      }\n      votes {\n        choice\n        voterId\n        voter {\n          id\n          name {\n            ...Text\n          }\n          memberCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BallotLiveFragmentDoc,
    "\n  query BallotPage($id: ID!) {\n    ballot(id: $id) {\n      ...BallotLive\n      proposal {\n        id\n        state\n        category\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        ownerCity {\n          id\n          name {\n            ...Text\n          }\n        }\n        meeting {\n          id\n          timeZone\n          title {\n            ...Text\n          }\n        }\n        revisions {\n          id\n          number\n          title {\n            ...Text\n          }\n          summary {\n            ...Text\n          }\n          body {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n": types.BallotPageDocument,
    "\n  subscription BallotUpdated($id: ID!) {\n    ballotUpdated(ballotId: $id) {\n      ...BallotLive\n    }\n  }\n": types.BallotUpdatedDocument,
    "\n  mutation CastVote($ballotId: ID!, $choice: VoteChoice!, $idempotencyKey: String!) {\n    castVote(ballotId: $ballotId, choice: $choice, idempotencyKey: $idempotencyKey) {\n      ballotId\n      choice\n      castAt\n    }\n  }\n": types.CastVoteDocument,
    "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      proposalId\n      reason\n      declaredAt\n    }\n  }\n": types.DeclareConflictDocument,
    "\n  query BallotList($filter: BallotFilter, $first: Int, $after: String) {\n    ballots(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          state\n          closesAt\n          closedAt\n          result\n          progress {\n            cast\n            eligible\n            eligibleToVote\n            myVote\n          }\n          proposal {\n            id\n            title {\n              ...Text\n            }\n            ownerCity {\n              id\n              name {\n                ...Text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BallotListDocument,
    "\n  query PublishedAgendas {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          state\n          startsAt\n          timeZone\n          title {\n            ...Text\n          }\n          hostCity {\n            id\n            name {\n              ...Text\n            }\n          }\n          agenda {\n            id\n            number\n            title {\n              ...Text\n            }\n            proposal {\n              id\n            }\n            children {\n              id\n              number\n              title {\n                ...Text\n              }\n              proposal {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PublishedAgendasDocument,
    "\n  query NotificationList($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          topic\n          title\n          body\n          locale\n          createdAt\n          readAt\n          path\n        }\n      }\n    }\n  }\n": types.NotificationListDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all) {\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query NotificationSettings {\n    notificationPreferences {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!], $timeZone: String) {\n    updateNotificationPreferences(preferences: $preferences, timeZone: $timeZone) {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  query CalendarFeed {\n    calendarFeed {\n      createdAt\n    }\n  }\n": types.CalendarFeedDocument,
    "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      url\n      feed {\n        createdAt\n      }\n    }\n  }\n": types.CreateCalendarFeedDocument,
    "\n  mutation RevokeCalendarFeed {\n    revokeCalendarFeed\n  }\n": types.RevokeCalendarFeedDocument,
    "\n  fragment PlanItem on ActionItem {\n    id\n    kind\n    state\n    progress\n    startDate\n    dueDate\n    overdue\n    title {\n      ...Text\n    }\n    ownerCity {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n": types.PlanItemFragmentDoc,
    "\n  query PlanPage($id: ID!) {\n    implementationPlan(id: $id) {\n      id\n      createdAt\n      result\n      title {\n        ...Text\n      }\n      programme {\n        ...Text\n      }\n      proposal {\n        id\n        title {\n          ...Text\n        }\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n        itemsByState {\n          state\n          count\n        }\n      }\n      items {\n        ...PlanItem\n        children {\n          ...PlanItem\n        }\n      }\n    }\n  }\n": types.PlanPageDocument,
    "\n  query FollowupHome {\n    implementationPlans {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        overdueCount\n      }\n    }\n    followupByCity {\n      memberCityId\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n": types.FollowupHomeDocument,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      preferredLocale\n      digits\n      timeZone\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  fragment ProposalLive on Proposal {\n    id\n    state\n    version\n    updatedAt\n    ballot {\n      id\n      state\n      result\n      closesAt\n      closedAt\n      progress {\n        cast\n        eligible\n      }\n    }\n    implementationPlan {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n": types.ProposalLiveFragmentDoc,
    "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalLive\n      category\n      createdAt\n      title {\n        ...Text\n      }\n      summary {\n        ...Text\n      }\n      ownerCity {\n        id\n        name {\n          ...Text\n        }\n      }\n      cosponsors {\n        id\n        name {\n          ...Text\n        }\n      }\n      meeting {\n        id\n        timeZone\n        startsAt\n        title {\n          ...Text\n        }\n      }\n      revisions {\n        id\n        number\n        createdAt\n        frozenAt\n        author {\n          id\n          name {\n            ...Text\n          }\n        }\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        body {\n          ...Text\n        }\n      }\n    }\n  }\n": types.ProposalPageDocument,
    "\n  subscription ProposalUpdated($id: ID!) {\n    proposalUpdated(id: $id) {\n      ...ProposalLive\n    }\n  }\n": types.ProposalUpdatedDocument,
    "\n  query ProposalList($filter: ProposalFilter, $first: Int) {\n    proposals(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          state\n          updatedAt\n          title {\n            ...Text\n          }\n          ownerCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProposalListDocument,
    "\n  fragment Text on LocalizedString {\n    ar\n    en\n    authoritative\n  }\n": types.TextFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      email\n      roles\n      isHeadOfDelegation\n      preferredLocale\n      digits\n      timeZone\n      name {\n        ...Text\n      }\n      memberCity {\n        id\n        timeZone\n        name {\n          ...Text\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n": types.UnreadCountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonRow on Person {\n    id\n    email\n    roles\n    isHeadOfDelegation\n    active\n    invitationPending\n    preferredLocale\n    timeZone\n    formOfAddress\n    name {\n      ...Text\n    }\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    boardSeat {\n      id\n      isChair\n      startsOn\n    }\n  }\n"): (typeof documents)["\n  fragment PersonRow on Person {\n    id\n    email\n    roles\n    isHeadOfDelegation\n    active\n    invitationPending\n    preferredLocale\n    timeZone\n    formOfAddress\n    name {\n      ...Text\n    }\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    boardSeat {\n      id\n      isChair\n      startsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($filter: PersonFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...PersonRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query People($filter: PersonFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...PersonRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      ...PersonRow\n    }\n  }\n"): (typeof documents)["\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      ...PersonRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      ...PersonRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      ...PersonRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPersonActive($id: ID!, $active: Boolean!) {\n    setPersonActive(id: $id, active: $active) {\n      ...PersonRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetPersonActive($id: ID!, $active: Boolean!) {\n    setPersonActive(id: $id, active: $active) {\n      ...PersonRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($personId: ID!) {\n    resendInvitation(personId: $personId) {\n      ...PersonRow\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($personId: ID!) {\n    resendInvitation(personId: $personId) {\n      ...PersonRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CityRow on MemberCity {\n    id\n    code\n    countryCode\n    timeZone\n    joinedYear\n    name {\n      ...Text\n    }\n    coordinatingOffice {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CityRow on MemberCity {\n    id\n    code\n    countryCode\n    timeZone\n    joinedYear\n    name {\n      ...Text\n    }\n    coordinatingOffice {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCities {\n    memberCities {\n      ...CityRow\n    }\n  }\n"): (typeof documents)["\n  query AdminCities {\n    memberCities {\n      ...CityRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMemberCity($input: MemberCityInput!) {\n    createMemberCity(input: $input) {\n      ...CityRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMemberCity($input: MemberCityInput!) {\n    createMemberCity(input: $input) {\n      ...CityRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberCity($id: ID!, $input: UpdateMemberCityInput!) {\n    updateMemberCity(id: $id, input: $input) {\n      ...CityRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberCity($id: ID!, $input: UpdateMemberCityInput!) {\n    updateMemberCity(id: $id, input: $input) {\n      ...CityRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SeatRow on BoardSeat {\n    id\n    isChair\n    startsOn\n    endsOn\n    current\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    holder {\n      id\n      email\n      name {\n        ...Text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SeatRow on BoardSeat {\n    id\n    isChair\n    startsOn\n    endsOn\n    current\n    memberCity {\n      id\n      name {\n        ...Text\n      }\n    }\n    holder {\n      id\n      email\n      name {\n        ...Text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardSeats($currentOnly: Boolean) {\n    boardSeats(currentOnly: $currentOnly) {\n      ...SeatRow\n    }\n  }\n"): (typeof documents)["\n  query BoardSeats($currentOnly: Boolean) {\n    boardSeats(currentOnly: $currentOnly) {\n      ...SeatRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignBoardSeat($input: AssignBoardSeatInput!) {\n    assignBoardSeat(input: $input) {\n      ...SeatRow\n    }\n  }\n"): (typeof documents)["\n  mutation AssignBoardSeat($input: AssignBoardSeatInput!) {\n    assignBoardSeat(input: $input) {\n      ...SeatRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndBoardSeat($id: ID!, $endsOn: String!) {\n    endBoardSeat(id: $id, endsOn: $endsOn) {\n      ...SeatRow\n    }\n  }\n"): (typeof documents)["\n  mutation EndBoardSeat($id: ID!, $endsOn: String!) {\n    endBoardSeat(id: $id, endsOn: $endsOn) {\n      ...SeatRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedDeliveries($first: Int, $after: String) {\n    failedDeliveries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          channel\n          topic\n          address\n          attempts\n          round\n          lastError\n          failedAt\n          createdAt\n          status\n          recipient {\n            id\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailedDeliveries($first: Int, $after: String) {\n    failedDeliveries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          channel\n          topic\n          address\n          attempts\n          round\n          lastError\n          failedAt\n          createdAt\n          status\n          recipient {\n            id\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDelivery($id: ID!) {\n    retryDelivery(id: $id) {\n      id\n      status\n      round\n      attempts\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDelivery($id: ID!) {\n    retryDelivery(id: $id) {\n      id\n      status\n      round\n      attempts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueuesOnRedis {\n    instance {\n      queuesOnRedis\n    }\n  }\n"): (typeof documents)["\n  query QueuesOnRedis {\n    instance {\n      queuesOnRedis\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      active\n      locale\n      memberCityId\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      active\n      locale\n      memberCityId\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        active\n        locale\n        memberCityId\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        active\n        locale\n        memberCityId\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebhookEndpoint($id: ID!) {\n    removeWebhookEndpoint(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveWebhookEndpoint($id: ID!) {\n    removeWebhookEndpoint(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instance {\n    instance {\n      setupRequired\n      demo\n      demoPassword\n      demoAccounts {\n        email\n        roles\n        isHeadOfDelegation\n        name {\n          ...Text\n        }\n        memberCity {\n          id\n          name {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Instance {\n    instance {\n      setupRequired\n      demo\n      demoPassword\n      demoAccounts {\n        email\n        roles\n        isHeadOfDelegation\n        name {\n          ...Text\n        }\n        memberCity {\n          id\n          name {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      email\n      expiresAt\n      name {\n        ...Text\n      }\n    }\n  }\n"): (typeof documents)["\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      email\n      expiresAt\n      name {\n        ...Text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      expiresAt\n      user {\n        id\n        preferredLocale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BallotLive on Ballot {\n    id\n    state\n    version\n    openedAt\n    closesAt\n    closedAt\n    result\n    decidedByChair\n    rules {\n      quorum\n      majority\n      abstentionsCountAsCast\n      tieBreak\n      secret\n    }\n    chair {\n      id\n      name {\n        ...Text\n      }\n    }\n    progress {\n      cast\n      eligible\n      eligibleToVote\n      myVote\n      tally {\n        yes\n        no\n        abstain\n      }\n      votes {\n        choice\n        voterId\n        voter {\n          id\n          name {\n            ...Text\n          }\n          memberCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BallotLive on Ballot {\n    id\n    state\n    version\n    openedAt\n    closesAt\n    closedAt\n    result\n    decidedByChair\n    rules {\n      quorum\n      majority\n      abstentionsCountAsCast\n      tieBreak\n      secret\n    }\n    chair {\n      id\n      name {\n        ...Text\n      }\n    }\n    progress {\n      cast\n      eligible\n      eligibleToVote\n      myVote\n      tally {\n        yes\n        no\n        abstain\n      }\n      votes {\n        choice\n        voterId\n        voter {\n          id\n          name {\n            ...Text\n          }\n          memberCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BallotPage($id: ID!) {\n    ballot(id: $id) {\n      ...BallotLive\n      proposal {\n        id\n        state\n        category\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        ownerCity {\n          id\n          name {\n            ...Text\n          }\n        }\n        meeting {\n          id\n          timeZone\n          title {\n            ...Text\n          }\n        }\n        revisions {\n          id\n          number\n          title {\n            ...Text\n          }\n          summary {\n            ...Text\n          }\n          body {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BallotPage($id: ID!) {\n    ballot(id: $id) {\n      ...BallotLive\n      proposal {\n        id\n        state\n        category\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        ownerCity {\n          id\n          name {\n            ...Text\n          }\n        }\n        meeting {\n          id\n          timeZone\n          title {\n            ...Text\n          }\n        }\n        revisions {\n          id\n          number\n          title {\n            ...Text\n          }\n          summary {\n            ...Text\n          }\n          body {\n            ...Text\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BallotUpdated($id: ID!) {\n    ballotUpdated(ballotId: $id) {\n      ...BallotLive\n    }\n  }\n"): (typeof documents)["\n  subscription BallotUpdated($id: ID!) {\n    ballotUpdated(ballotId: $id) {\n      ...BallotLive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($ballotId: ID!, $choice: VoteChoice!, $idempotencyKey: String!) {\n    castVote(ballotId: $ballotId, choice: $choice, idempotencyKey: $idempotencyKey) {\n      ballotId\n      choice\n      castAt\n    }\n  }\n"): (typeof documents)["\n  mutation CastVote($ballotId: ID!, $choice: VoteChoice!, $idempotencyKey: String!) {\n    castVote(ballotId: $ballotId, choice: $choice, idempotencyKey: $idempotencyKey) {\n      ballotId\n      choice\n      castAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      proposalId\n      reason\n      declaredAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      proposalId\n      reason\n      declaredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BallotList($filter: BallotFilter, $first: Int, $after: String) {\n    ballots(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          state\n          closesAt\n          closedAt\n          result\n          progress {\n            cast\n            eligible\n            eligibleToVote\n            myVote\n          }\n          proposal {\n            id\n            title {\n              ...Text\n            }\n            ownerCity {\n              id\n              name {\n                ...Text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BallotList($filter: BallotFilter, $first: Int, $after: String) {\n    ballots(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          state\n          closesAt\n          closedAt\n          result\n          progress {\n            cast\n            eligible\n            eligibleToVote\n            myVote\n          }\n          proposal {\n            id\n            title {\n              ...Text\n            }\n            ownerCity {\n              id\n              name {\n                ...Text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedAgendas {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          state\n          startsAt\n          timeZone\n          title {\n            ...Text\n          }\n          hostCity {\n            id\n            name {\n              ...Text\n            }\n          }\n          agenda {\n            id\n            number\n            title {\n              ...Text\n            }\n            proposal {\n              id\n            }\n            children {\n              id\n              number\n              title {\n                ...Text\n              }\n              proposal {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishedAgendas {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          state\n          startsAt\n          timeZone\n          title {\n            ...Text\n          }\n          hostCity {\n            id\n            name {\n              ...Text\n            }\n          }\n          agenda {\n            id\n            number\n            title {\n              ...Text\n            }\n            proposal {\n              id\n            }\n            children {\n              id\n              number\n              title {\n                ...Text\n              }\n              proposal {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationList($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          topic\n          title\n          body\n          locale\n          createdAt\n          readAt\n          path\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationList($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          topic\n          title\n          body\n          locale\n          createdAt\n          readAt\n          path\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    notificationPreferences {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    notificationPreferences {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!], $timeZone: String) {\n    updateNotificationPreferences(preferences: $preferences, timeZone: $timeZone) {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!], $timeZone: String) {\n    updateNotificationPreferences(preferences: $preferences, timeZone: $timeZone) {\n      timeZone\n      effectiveTimeZone\n      preferences {\n        topic\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarFeed {\n    calendarFeed {\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query CalendarFeed {\n    calendarFeed {\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      url\n      feed {\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      url\n      feed {\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCalendarFeed {\n    revokeCalendarFeed\n  }\n"): (typeof documents)["\n  mutation RevokeCalendarFeed {\n    revokeCalendarFeed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanItem on ActionItem {\n    id\n    kind\n    state\n    progress\n    startDate\n    dueDate\n    overdue\n    title {\n      ...Text\n    }\n    ownerCity {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PlanItem on ActionItem {\n    id\n    kind\n    state\n    progress\n    startDate\n    dueDate\n    overdue\n    title {\n      ...Text\n    }\n    ownerCity {\n      id\n      name {\n        ...Text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanPage($id: ID!) {\n    implementationPlan(id: $id) {\n      id\n      createdAt\n      result\n      title {\n        ...Text\n      }\n      programme {\n        ...Text\n      }\n      proposal {\n        id\n        title {\n          ...Text\n        }\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n        itemsByState {\n          state\n          count\n        }\n      }\n      items {\n        ...PlanItem\n        children {\n          ...PlanItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanPage($id: ID!) {\n    implementationPlan(id: $id) {\n      id\n      createdAt\n      result\n      title {\n        ...Text\n      }\n      programme {\n        ...Text\n      }\n      proposal {\n        id\n        title {\n          ...Text\n        }\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n        itemsByState {\n          state\n          count\n        }\n      }\n      items {\n        ...PlanItem\n        children {\n          ...PlanItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowupHome {\n    implementationPlans {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        overdueCount\n      }\n    }\n    followupByCity {\n      memberCityId\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowupHome {\n    implementationPlans {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        overdueCount\n      }\n    }\n    followupByCity {\n      memberCityId\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      preferredLocale\n      digits\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      preferredLocale\n      digits\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalLive on Proposal {\n    id\n    state\n    version\n    updatedAt\n    ballot {\n      id\n      state\n      result\n      closesAt\n      closedAt\n      progress {\n        cast\n        eligible\n      }\n    }\n    implementationPlan {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProposalLive on Proposal {\n    id\n    state\n    version\n    updatedAt\n    ballot {\n      id\n      state\n      result\n      closesAt\n      closedAt\n      progress {\n        cast\n        eligible\n      }\n    }\n    implementationPlan {\n      id\n      title {\n        ...Text\n      }\n      summary {\n        progress\n        status\n        itemCount\n        overdueCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalLive\n      category\n      createdAt\n      title {\n        ...Text\n      }\n      summary {\n        ...Text\n      }\n      ownerCity {\n        id\n        name {\n          ...Text\n        }\n      }\n      cosponsors {\n        id\n        name {\n          ...Text\n        }\n      }\n      meeting {\n        id\n        timeZone\n        startsAt\n        title {\n          ...Text\n        }\n      }\n      revisions {\n        id\n        number\n        createdAt\n        frozenAt\n        author {\n          id\n          name {\n            ...Text\n          }\n        }\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        body {\n          ...Text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalLive\n      category\n      createdAt\n      title {\n        ...Text\n      }\n      summary {\n        ...Text\n      }\n      ownerCity {\n        id\n        name {\n          ...Text\n        }\n      }\n      cosponsors {\n        id\n        name {\n          ...Text\n        }\n      }\n      meeting {\n        id\n        timeZone\n        startsAt\n        title {\n          ...Text\n        }\n      }\n      revisions {\n        id\n        number\n        createdAt\n        frozenAt\n        author {\n          id\n          name {\n            ...Text\n          }\n        }\n        title {\n          ...Text\n        }\n        summary {\n          ...Text\n        }\n        body {\n          ...Text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProposalUpdated($id: ID!) {\n    proposalUpdated(id: $id) {\n      ...ProposalLive\n    }\n  }\n"): (typeof documents)["\n  subscription ProposalUpdated($id: ID!) {\n    proposalUpdated(id: $id) {\n      ...ProposalLive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalList($filter: ProposalFilter, $first: Int) {\n    proposals(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          state\n          updatedAt\n          title {\n            ...Text\n          }\n          ownerCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalList($filter: ProposalFilter, $first: Int) {\n    proposals(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          state\n          updatedAt\n          title {\n            ...Text\n          }\n          ownerCity {\n            id\n            name {\n              ...Text\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Text on LocalizedString {\n    ar\n    en\n    authoritative\n  }\n"): (typeof documents)["\n  fragment Text on LocalizedString {\n    ar\n    en\n    authoritative\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      roles\n      isHeadOfDelegation\n      preferredLocale\n      digits\n      timeZone\n      name {\n        ...Text\n      }\n      memberCity {\n        id\n        timeZone\n        name {\n          ...Text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      roles\n      isHeadOfDelegation\n      preferredLocale\n      digits\n      timeZone\n      name {\n        ...Text\n      }\n      memberCity {\n        id\n        timeZone\n        name {\n          ...Text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    unreadNotificationCount\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;