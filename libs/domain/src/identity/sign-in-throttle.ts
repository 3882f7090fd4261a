import { Inject, Injectable, Logger } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { tooManyRequests } from '@majlis/language';
import { SIGN_IN_THROTTLE_STORAGE, type SignInThrottleStorage, type ThrottledKey } from './sign-in-throttle.storage';

/**
 * Counts failed sign-ins per account and per address (successful ones are never counted), and makes an
 * account or an address that failed too often wait `blockSeconds` — in Redis in server mode, in PostgreSQL
 * without it. If the store cannot be reached, sign-ins go on unthrottled (and it is logged) rather than
 * nobody being able to sign in.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);

  constructor(
    @Inject(SIGN_IN_THROTTLE_STORAGE) private readonly storage: SignInThrottleStorage,
    @InjectEnvironment() private readonly environment: Environment,
  ) {}

  private keys(email: string, address: string | undefined): ThrottledKey[] {
    const account = { key: email.trim().toLowerCase(), throttlerName: 'account' };
    return address === undefined ? [account] : [account, { key: address, throttlerName: 'address' }];
  }

  /** Refuses with TOO_MANY_REQUESTS (and the seconds to wait) while the account or the address is blocked. */
  async assertMayTry(email: string, address: string | undefined): Promise<void> {
    let wait = 0;
    try {
      wait = await this.storage.blockedFor(this.keys(email, address));
    } catch (error) {
      this.logger.warn({ err: error }, 'the sign-in throttle cannot be read; this sign-in is not throttled');
    }
    if (wait > 0) throw tooManyRequests(wait);
  }

  async recordFailure(email: string, address: string | undefined): Promise<void> {
    const { perAccount, perAddress, blockSeconds } = this.environment.signInLimits;
    const windowMs = blockSeconds * 1000;
    try {
      await Promise.all(
        this.keys(email, address).map(({ key, throttlerName }) =>
          this.storage.increment(
            key,
            windowMs,
            // The throttler blocks once the hits exceed the limit; the failure that reaches the maximum blocks.
            (throttlerName === 'account' ? perAccount : perAddress) - 1,
            windowMs,
            throttlerName,
          ),
        ),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'the sign-in throttle cannot record a failure');
    }
  }
}
