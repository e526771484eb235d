package org.kydp.quiz.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address read from its text, and nothing else: {@code InetAddress.getByName} would ask DNS about
 * any text that is not an address, and what a header says must never make the server look up a name. IPv4 is the
 * dotted quad (no leading zeros, which some readers take for octal); IPv6 the forms of RFC 4291, with {@code ::}
 * and a dotted IPv4 tail. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is that IPv4 address, as Java's
 * sockets report it. {@link #toString()} is one text per address, so that it can key a map.
 */
final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address written exactly as one (no brackets, port or zone), or empty. */
    static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        return bytes == null ? Optional.empty() : Optional.of(new IpAddress(unmapped(bytes)));
    }

    /**
     * The address as peers and proxies write it: also {@code [2001:db8::1]} and {@code [2001:db8::1]:443},
     * {@code 192.0.2.1:443}, and {@code fe80::1%eth0} (its zone dropped).
     */
    static Optional<IpAddress> parseLenient(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || !(close == address.length() - 1 || isPort(address.substring(close + 1)))) {
                return Optional.empty();
            }
            address = address.substring(1, close);
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            int colon = address.indexOf(':');
            if (!isPort(address.substring(colon))) {
                return Optional.empty();
            }
            address = address.substring(0, colon); // one colon: an IPv4 address and its port
        }
        int zone = address.indexOf('%');
        return parse(zone > 0 && address.indexOf(':') >= 0 ? address.substring(0, zone) : address);
    }

    boolean isIpv4() {
        return bytes.length == 4;
    }

    /** Its bits, most significant first: 32 for IPv4, 128 for IPv6. */
    int bits() {
        return bytes.length * 8;
    }

    /** Whether its first {@code prefixLength} bits are those of {@code other}, an address of the same family. */
    boolean sharesPrefix(IpAddress other, int prefixLength) {
        if (other.bytes.length != bytes.length || prefixLength < 0 || prefixLength > bits()) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != other.bytes[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (other.bytes[whole] & mask);
    }

    /** This address with every bit past {@code prefixLength} cleared. */
    IpAddress masked(int prefixLength) {
        byte[] masked = bytes.clone();
        for (int bit = prefixLength; bit < bits(); bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpAddress(masked);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 192.0.2.1}, or IPv6 as Java writes it ({@code 2001:db8:0:0:0:0:0:1}). */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // from bytes: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static boolean isPort(String colonAndDigits) {
        return colonAndDigits.length() >= 2 && colonAndDigits.length() <= 6 && colonAndDigits.charAt(0) == ':'
                && colonAndDigits.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        byte[] tail = null;
        String groups = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            tail = ipv4(text.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            groups = text.substring(0, lastColon + 1) + "0:0"; // the tail's two groups, filled in below
        }
        int gap = groups.indexOf("::");
        if (gap >= 0 && groups.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = hexGroups(gap >= 0 ? groups.substring(0, gap) : groups);
        int[] after = gap >= 0 ? hexGroups(groups.substring(gap + 2)) : new int[0];
        if (head == null || after == null) {
            return null;
        }
        int count = head.length + after.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            bytes[2 * i] = (byte) (head[i] >> 8);
            bytes[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < after.length; i++) {
            int at = 16 - 2 * (after.length - i);
            bytes[at] = (byte) (after[i] >> 8);
            bytes[at + 1] = (byte) after[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, bytes, 12, 4);
        }
        return bytes;
    }

    /** {@code "1:db8:0"} as numbers; the empty text as none; null if a group is empty or not 1–4 hex digits. */
    private static int[] hexGroups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] groups = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && c < 128)) {
                return null;
            }
            groups[i] = Integer.parseInt(part, 16);
        }
        return groups;
    }

    /** {@code ::ffff:a.b.c.d} as {@code a.b.c.d}. */
    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xFF || bytes[11] != (byte) 0xFF) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, 12, 16);
    }
}
