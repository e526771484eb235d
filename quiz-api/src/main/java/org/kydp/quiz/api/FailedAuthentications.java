package org.kydp.quiz.api;

import java.time.Clock;
import java.util.function.Supplier;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.error.UnauthorizedException;

/**
 * Limits failed authentications per client address, so that tokens cannot be guessed at the server's speed: the
 * admin token is a person's choice, and without a limit each guess would cost one request. An address has
 * {@code perMinute} failures, given back evenly over a minute ({@link AddressBuckets}); past them, every request
 * of the address that authenticates is refused with 429 and {@code Retry-After} before its token is looked at, a
 * right one included, so that the reply tells a guesser nothing. A success costs nothing and gives nothing back:
 * valid tokens cannot wash out a guesser's failures, and a hall of players behind one address plays on. Only
 * addresses that failed are remembered, and an address that runs out is logged, at most once a minute.
 *
 * <p>The check comes before the authentication and the count after it, so requests of one address in flight at
 * the same moment may pass the limit by as many as the server handles at once; taking a failure in advance and
 * giving it back on success would instead refuse a crowd of right tokens arriving together.
 */
final class FailedAuthentications {

    /** Enough for a crowd behind one address to come back with stale tokens, too few to guess a token. */
    static final int DEFAULT_PER_MINUTE = 30;

    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthentications.class);

    private final int perMinute;
    private final ClientAddresses addresses;
    private final AddressBuckets failures;
    private final AddressBuckets warnings;
    private final Runnable onRefusal;

    /** With {@code perMinute} 0, nothing is limited. */
    FailedAuthentications(int perMinute, Clock clock, ClientAddresses addresses) {
        this(perMinute, clock, addresses, () -> { });
    }

    /** As the other constructor, running {@code onRefusal} (metrics) for each request refused. */
    FailedAuthentications(int perMinute, Clock clock, ClientAddresses addresses, Runnable onRefusal) {
        this.perMinute = perMinute;
        this.onRefusal = onRefusal;
        this.addresses = addresses;
        this.failures = perMinute > 0 ? new AddressBuckets(perMinute, AddressBuckets.DEFAULT_MAX_ADDRESSES, clock)
                : null;
        this.warnings = perMinute > 0 ? new AddressBuckets(1, AddressBuckets.DEFAULT_MAX_ADDRESSES, clock) : null;
    }

    /**
     * Runs an authentication for the request, first refusing it with 429 if its address has failed too often; an
     * {@link UnauthorizedException} it throws counts as a failure of the address.
     */
    <T> T attempt(Context ctx, Supplier<T> authentication) {
        if (failures == null) {
            return authentication.get();
        }
        long waitMillis = failures.waitFor(addresses.of(ctx));
        if (waitMillis > 0) {
            onRefusal.run();
            throw TooManyRequests.refuse(ctx, waitMillis, "Too many failed authentications from your address: at "
                    + "most " + perMinute + " a minute, and any token is refused until then.");
        }
        try {
            return authentication.get();
        } catch (UnauthorizedException e) {
            failed(addresses.of(ctx));
            throw e;
        }
    }

    /** {@link #attempt(Context, Supplier)} for an authentication that returns nothing. */
    void attempt(Context ctx, Runnable authentication) {
        attempt(ctx, () -> {
            authentication.run();
            return null;
        });
    }

    private void failed(String address) {
        failures.take(address);
        if (failures.waitFor(address) > 0 && warnings.take(address) == 0) {
            LOG.warn("{} failed authentications from {} within a minute: its authentications are refused for now",
                    perMinute, address);
        }
    }
}
