package org.kydp.quiz.api;

import java.util.List;
import java.util.Optional;

/**
 * Which address a request comes from, when reverse proxies stand in front of the server. Behind one, every
 * connection comes from the proxy: limits kept per socket address would put every citizen in the proxy's one
 * bucket. The proxy says whom it serves in {@code X-Forwarded-For}, appending its own peer to what it received; but
 * anyone can send that header, so only what trusted proxies appended is believed.
 *
 * <p>So: when the socket's peer is not a trusted proxy, it is the client, and the header is ignored. When it is,
 * the header is read from the right, past every address that is itself a trusted proxy; the first one that is not
 * is the client, whatever a client wrote to the left of it. An entry that is not an address (garbage, a name,
 * {@code unknown}) ends the walk at the last trusted hop, the proxy that passed it on, so a malformed header can
 * neither fail a request nor pick a bucket. The standard {@code Forwarded} header is not read: a proxy that sets
 * one of the two usually passes the other on from the client untouched, and believing both would let a client
 * choose.
 */
final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    static TrustedProxies none() {
        return NONE;
    }

    /**
     * The proxies at these addresses and CIDR ranges.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(entry -> AddressRange.parse(entry.strip())).toList());
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(IpAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address, as one text per address.
     *
     * @param peer         the socket's remote address, as the server reports it
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in the order received
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        Optional<IpAddress> parsedPeer = IpAddress.parseLenient(peer);
        if (parsedPeer.isEmpty()) {
            return peer; // not from an IP socket: nothing to believe or compare
        }
        IpAddress client = parsedPeer.get();
        if (!trusts(client)) {
            return client.toString();
        }
        List<String> entries = forwardedFor.stream().flatMap(value -> List.of(value.split(",", -1)).stream())
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<IpAddress> hop = IpAddress.parseLenient(entries.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return client.toString();
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
