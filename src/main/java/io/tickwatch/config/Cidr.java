package io.tickwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address. */
public record Cidr(byte[] network, int prefixBits) {

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
        } catch (UnknownHostException e) {
            return "?/" + prefixBits;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixBits == prefixBits && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixBits;
    }

    /** @throws IllegalArgumentException with a reason, for the settings message */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress(); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
            }
        }
        return new Cidr(address, bits);
    }

    public boolean contains(InetAddress candidate) {
        byte[] a = candidate.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }
}
