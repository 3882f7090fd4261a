import { IdentityResolver } from './identity/identity.resolver';
import { MemberCityResolver } from './partnership/member-city.resolver';

/** Every resolver of the API: the app provides them, and the schema printer reads them. */
export const RESOLVERS = [IdentityResolver, MemberCityResolver];
