package fr.pairaidance.platform.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhook deliveries away from the service's own network (SSRF): an endpoint must be an https URL
 * (http only when allowed, for tests and local runs) whose host resolves only to public addresses. Every
 * address the host resolves to is checked, and the sender connects to a checked address, never to a
 * second lookup's answer. Loopback is the only non-public range configuration may allow.
 */
public final class WebhookAddressGuard {

    /** Why an endpoint is refused; the message is safe to show to its owner and to store. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A parsed endpoint: where to connect and what to ask for. */
    public record Target(URI uri, String host, int port, boolean https, String requestUri) {
    }

    static final int MAX_URL_LENGTH = 2048;

    /** IPv4 ranges no delivery may reach: not public, or not unicast. */
    private static final List<Range> FORBIDDEN_V4 = List.of(
            Range.of("0.0.0.0/8", "an unspecified or \"this network\" address"),
            Range.of("10.0.0.0/8", "a private address"),
            Range.of("100.64.0.0/10", "a shared (CGNAT) address"),
            Range.of("169.254.0.0/16", "a link-local or cloud metadata address"),
            Range.of("172.16.0.0/12", "a private address"),
            Range.of("192.0.0.0/24", "a reserved address"),
            Range.of("192.0.2.0/24", "a documentation address"),
            Range.of("192.88.99.0/24", "a reserved address"),
            Range.of("192.168.0.0/16", "a private address"),
            Range.of("198.18.0.0/15", "a benchmarking address"),
            Range.of("198.51.100.0/24", "a documentation address"),
            Range.of("203.0.113.0/24", "a documentation address"),
            Range.of("224.0.0.0/4", "a multicast address"),
            Range.of("240.0.0.0/4", "a reserved or broadcast address"));

    /** IPv6 ranges no delivery may reach (IPv4 embedded in IPv6 is checked as IPv4). */
    private static final List<Range> FORBIDDEN_V6 = List.of(
            Range.of("::/128", "an unspecified address"),
            Range.of("100::/64", "a discard address"),
            Range.of("2001::/32", "a Teredo tunnel address"),
            Range.of("2001:db8::/32", "a documentation address"),
            Range.of("fc00::/7", "a private (unique local) or cloud metadata address"),
            Range.of("fe80::/10", "a link-local address"),
            Range.of("fec0::/10", "a site-local address"),
            Range.of("ff00::/8", "a multicast address"));

    private static final Range LOOPBACK_V4 = Range.of("127.0.0.0/8", "a loopback address");
    private static final Range LOOPBACK_V6 = Range.of("::1/128", "a loopback address");

    private final HostResolver resolver;
    private final boolean allowHttp;
    private final boolean allowLoopback;

    public WebhookAddressGuard(HostResolver resolver, boolean allowHttp, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
    }

    /** Checks the URL's form (scheme, host, port, no credentials) without resolving it. */
    public Target parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new Refused("has an invalid port");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri, host.toLowerCase(Locale.ROOT), port, https, requestUri);
    }

    /** Parses the URL, then resolves its host and checks every address: what a subscription must pass. */
    public Target check(String url) throws Refused {
        Target target = parse(url);
        resolve(target.host());
        return target;
    }

    /**
     * Resolves the host and returns its addresses, all of them allowed; refuses the host when any address
     * is not (a name resolving to a public and a private address is refused).
     */
    public List<InetAddress> resolve(String host) throws Refused {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("has a host that does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new Refused("has a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            String reason = forbiddenBecause(address);
            if (reason != null) {
                throw new Refused("resolves to " + reason + ", which webhooks may not reach");
            }
        }
        return List.copyOf(addresses);
    }

    /** @return why the address may not be reached, or null when it may */
    public String forbiddenBecause(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return forbiddenV4(embedded);
            }
            if (LOOPBACK_V6.contains(bytes)) {
                return allowLoopback ? null : LOOPBACK_V6.reason;
            }
            if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
                return "a scoped address";
            }
            return FORBIDDEN_V6.stream().filter(r -> r.contains(bytes)).map(r -> r.reason).findFirst().orElse(null);
        }
        return forbiddenV4(bytes);
    }

    private String forbiddenV4(byte[] bytes) {
        if (LOOPBACK_V4.contains(bytes)) {
            return allowLoopback ? null : LOOPBACK_V4.reason;
        }
        return FORBIDDEN_V4.stream().filter(r -> r.contains(bytes)).map(r -> r.reason).findFirst().orElse(null);
    }

    /**
     * The IPv4 address an IPv6 address carries, checked as IPv4: IPv4-mapped (::ffff:a.b.c.d),
     * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
     */
    static byte[] embeddedIpv4(byte[] v6) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= v6[i] == 0;
        }
        if (firstTenZero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
            return java.util.Arrays.copyOfRange(v6, 12, 16);
        }
        boolean firstTwelveZero = firstTenZero && v6[10] == 0 && v6[11] == 0;
        if (firstTwelveZero && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1))) {
            return java.util.Arrays.copyOfRange(v6, 12, 16);
        }
        if ((v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b) {
            boolean rest = true;
            for (int i = 4; i < 12; i++) {
                rest &= v6[i] == 0;
            }
            if (rest) {
                return java.util.Arrays.copyOfRange(v6, 12, 16);
            }
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return java.util.Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    /** An address range in CIDR notation and what an address in it is. */
    private record Range(byte[] network, int prefixLength, String reason) {

        static Range of(String cidr, String reason) {
            String[] parts = cidr.split("/");
            try {
                return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), reason);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
