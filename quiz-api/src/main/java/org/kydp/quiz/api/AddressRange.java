package org.kydp.quiz.api;

/**
 * One address or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a lone address is the range of
 * just itself. IPv4-mapped IPv6 addresses are IPv4 addresses ({@link IpAddress}), so their range is one of IPv4
 * ({@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}). Bits set past the prefix are refused rather than cleared:
 * {@code 192.168.1.10/2} is more likely a typing slip for {@code /24} than a wish to trust a quarter of the
 * Internet.
 *
 * @param network      the range's first address
 * @param prefixLength how many leading bits an address must share with it
 */
record AddressRange(IpAddress network, int prefixLength) {

    AddressRange {
        if (prefixLength < 0 || prefixLength > network.bits()) {
            throw new IllegalArgumentException("the prefix of " + network + " is 0 to " + network.bits() + " bits");
        }
        if (!network.masked(prefixLength).equals(network)) {
            throw new IllegalArgumentException(network + "/" + prefixLength + " has bits set past its prefix (did you "
                    + "mean " + network.masked(prefixLength) + "/" + prefixLength + "?)");
        }
    }

    /**
     * Reads {@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code 2001:db8::1} or {@code 2001:db8::/32}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        IpAddress network = IpAddress.parse(address).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not an IP address or a CIDR range (such as 192.0.2.7, 10.0.0.0/8 or 2001:db8::/32)"));
        if (slash < 0) {
            return new AddressRange(network, network.bits());
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after the '/' (0 to "
                    + network.bits() + ")");
        }
        int length = Integer.parseInt(prefix);
        if (network.isIpv4() && address.indexOf(':') >= 0) { // ::ffff:10.0.0.0/104, the IPv4 range 10.0.0.0/8
            if (length < 96) {
                throw new IllegalArgumentException("'" + text + "': a range of IPv4-mapped addresses needs a prefix "
                        + "of 96 bits or more");
            }
            length -= 96;
        }
        if (length > network.bits()) {
            throw new IllegalArgumentException("'" + text + "': an " + (network.isIpv4() ? "IPv4" : "IPv6")
                    + " prefix is at most " + network.bits() + " bits");
        }
        return new AddressRange(network, length);
    }

    boolean contains(IpAddress address) {
        return network.sharesPrefix(address, prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
