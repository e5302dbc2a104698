package fr.pairaidance.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules of webhook endpoints, with a stub resolver: no lookup and no socket. */
class WebhookAddressGuardTest {

    /** Names the stub knows, and the addresses it answers for them; an IP literal answers itself. */
    private static final Map<String, List<String>> NAMES = Map.of(
            "hooks.example.org", List.of("93.184.215.14"),
            "hooks-v6.example.org", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "internal.example.org", List.of("10.1.2.3"),
            "metadata.example.org", List.of("169.254.169.254"),
            "localhost", List.of("127.0.0.1", "::1"),
            "split.example.org", List.of("93.184.215.14", "192.168.1.20"));

    private final List<String> looked = new ArrayList<>();

    private final HostResolver stub = host -> {
        looked.add(host);
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByAddress(host, InetAddress.getByName(host).getAddress()));
        }
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
        }
        return resolved;
    };

    private final WebhookAddressGuard strict = new WebhookAddressGuard(stub, false, false);
    private final WebhookAddressGuard testing = new WebhookAddressGuard(stub, true, true);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://10.0.0.1/", "https://10.255.255.255/", "https://172.16.0.1/",
            "https://172.31.255.254/", "https://192.168.0.10/", "https://169.254.169.254/latest/meta-data/",
            "https://169.254.10.10/", "https://100.64.0.1/", "https://0.0.0.0/", "https://224.0.0.1/",
            "https://255.255.255.255/", "https://[::1]/", "https://[::]/", "https://[::ffff:10.0.0.1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/", "https://[fd00:ec2::254]/",
            "https://[fc00::1]/", "https://[fe80::1]/", "https://[ff02::1]/", "https://[64:ff9b::a00:1]/",
            "https://localhost/", "https://internal.example.org/", "https://metadata.example.org/",
            "https://split.example.org/"})
    void nonPublicAddressesAreRefused(String url) {
        WebhookAddressGuard.Refused refused = assertThrows(WebhookAddressGuard.Refused.class, () -> strict.check(url));
        assertTrue(refused.getMessage().startsWith("resolves to "), refused.getMessage());
    }

    @Test
    void anIpv4MappedIpv6AddressIsCheckedAsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        // Built as an Inet6Address (InetAddress.getByName would turn it into IPv4 by itself).
        InetAddress address = Inet6Address.getByAddress("mapped", mapped, -1);
        assertTrue(address instanceof Inet6Address);
        assertEquals("a private address", strict.forbiddenBecause(address));
        mapped[12] = 93;
        mapped[13] = (byte) 184;
        mapped[14] = (byte) 215;
        mapped[15] = 14;
        assertEquals(null, strict.forbiddenBecause(Inet6Address.getByAddress("mapped", mapped, -1)));
    }

    @Test
    void aNameResolvingToOnePublicAndOnePrivateAddressIsRefused() {
        WebhookAddressGuard.Refused refused = assertThrows(WebhookAddressGuard.Refused.class,
                () -> strict.resolve("split.example.org"));
        assertEquals("resolves to a private address, which webhooks may not reach", refused.getMessage());
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertEquals("hooks.example.org", strict.check("https://hooks.example.org/pairaidance?x=1").host());
        assertEquals(List.of(InetAddress.getByName("93.184.215.14")), strict.resolve("hooks.example.org"));
        strict.check("https://hooks-v6.example.org/");
        strict.check("https://93.184.215.14:8443/hook");
        assertEquals("/hook?a=b", strict.parse("https://hooks.example.org/hook?a=b").requestUri());
        assertEquals(8443, strict.parse("https://93.184.215.14:8443/hook").port());
    }

    @Test
    void onlyLoopbackIsAllowedByConfigurationAndOnlyThere() throws Exception {
        testing.check("http://127.0.0.1:8080/hook");
        testing.check("http://localhost/hook");
        testing.check("https://[::1]/");
        for (String url : List.of("http://10.0.0.1/", "http://169.254.169.254/", "http://192.168.1.1/",
                "https://[fd00:ec2::254]/", "http://split.example.org/")) {
            assertThrows(WebhookAddressGuard.Refused.class, () -> testing.check(url), url);
        }
    }

    @Test
    void urlsMustBeHttpsWithAHostAndNoCredentials() {
        looked.clear();
        assertEquals("must be an https URL", refusal(() -> strict.check("http://hooks.example.org/")));
        assertEquals("must be an https URL", refusal(() -> strict.check("ftp://hooks.example.org/")));
        assertEquals("must not carry credentials", refusal(() -> strict.check("https://user:pw@hooks.example.org/")));
        assertEquals("must not have a fragment", refusal(() -> strict.check("https://hooks.example.org/#x")));
        assertEquals("must name a host", refusal(() -> strict.check("https:///path")));
        assertEquals("is required", refusal(() -> strict.check(" ")));
        assertEquals("is not a valid URL", refusal(() -> strict.check("https://hooks.example.org/a b")));
        assertEquals("must be at most 2048 characters",
                refusal(() -> strict.check("https://hooks.example.org/" + "a".repeat(2048))));
        assertEquals(List.of(), looked, "a malformed URL is refused before any lookup");
        assertEquals("has a host that does not resolve", refusal(() -> strict.check("https://unknown.example.org/")));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable check) {
        return assertThrows(WebhookAddressGuard.Refused.class, check).getMessage();
    }
}
