package org.kydp.quiz.api;

import java.util.Collections;
import java.util.List;

import io.javalin.http.Context;

/**
 * The address a request comes from ({@link TrustedProxies}), worked out once per request and kept on it, for
 * everything that counts or reports per address.
 */
final class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName();

    private final TrustedProxies proxies;

    ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    String of(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        List<String> forwardedFor = proxies.isEmpty() ? List.of()
                : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        String address = proxies.clientAddress(ctx.ip(), forwardedFor);
        ctx.attribute(ATTRIBUTE, address);
        return address;
    }
}
