package org.newsmonitor.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {
    private static final Resolver FAKE_DNS = host -> {
        Map<String, String> zone = Map.of("localhost", "127.0.0.1", "news.example.org", "93.184.216.34",
                "rebind.example.org", "10.0.0.7", "metadata.example.org", "169.254.169.254");
        String a = zone.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return List.of(ip(a));
    };

    private static InetAddress ip(String literal) {
        return HostLiteral.parse(literal).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "0x7f000001", "127.0.1",
        "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "0.0.0.0", "0", "[::]", "10.0.0.1", "172.16.5.4",
        "172.31.255.255", "192.168.1.1", "169.254.169.254", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "100.64.0.1",
        "224.0.0.1", "255.255.255.255", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::127.0.0.1]", "0.1.2.3",
        "240.0.0.1", "198.18.0.1", "192.0.0.8", "[fec0::1]", "[64:ff9b:1::a00:1]", "[2002:a00:1::]",
        "[64:ff9b::a00:1]", "0xa9fea9fe", "10.1"})
    void shouldClassifyInternalAddressesWhenSpelledAnyWay(String host) {
        InetAddress address = ip(host);
        assertThat(AddressClassifier.internalReason(address)).as(host + " -> " + address).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3        | private network",
        "169.254.169.254 | link-local",
        "100.64.0.1      | carrier-grade NAT range 100.64.0.0/10",
        "0.1.2.3         | 'this network' range 0.0.0.0/8",
        "224.0.0.1       | multicast",
        "240.0.0.1       | reserved range 240.0.0.0/4",
        "[fd00::1]       | unique local address fc00::/7",
        "[fe80::1]       | link-local",
        "[::a00:1]       | private network (IPv4 10.0.0.1 inside IPv6)",
        "[2002:a00:1::]  | private network (IPv4 10.0.0.1 inside IPv6)"})
    void shouldNameWhyAnAddressIsInternal(String address, String reason) {
        assertThat(AddressClassifier.internalReason(ip(address))).contains(reason);
    }

    @Test
    void shouldJudgeTeredoByTheServerAndTheInvertedClientAddress() {
        // Teredo 2001:0::/32: server 8.8.8.8 in bits 32-63, client 127.0.0.1 inverted (80ff:fffe) in the last 32 bits
        assertThat(AddressClassifier.internalReason(ip("[2001:0:808:808::80ff:fffe]")))
                .hasValueSatisfying(r -> assertThat(r).contains("loopback").contains("127.0.0.1"));
        // server 10.0.0.1, client public 93.184.216.34 (inverted a247:27dd)
        assertThat(AddressClassifier.internalReason(ip("[2001:0:a00:1::a247:27dd]"))).isPresent();
        // both public
        assertThat(AddressClassifier.internalReason(ip("[2001:0:808:808::a247:27dd]"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]", "1.1.1.1",
        "[::ffff:808:808]", "[2002:808:808::]"})
    void shouldAcceptPublicAddresses(String host) {
        assertThat(AddressClassifier.internalReason(ip(host))).as(host).isEmpty();
    }

    @Test
    void shouldReadEveryIpv4SpellingAsTheSameAddress() {
        for (String s : List.of("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.01", "127.0.1", "0x7F.1", "127.0.0.1.")) {
            assertThat(ip(s).getHostAddress()).as(s).isEqualTo("127.0.0.1");
        }
        assertThat(ip("0xa9fea9fe").getHostAddress()).isEqualTo("169.254.169.254");
        assertThat(HostLiteral.parse("news.example.org")).isEmpty();
        assertThat(HostLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(HostLiteral.parse("1.2.3.4.5")).isEmpty();
        assertThat(HostLiteral.parse("0x-1.0.0.1")).isEmpty();
    }

    @Test
    void shouldTreatAHostWithANonNumericLabelAsAName() {
        assertThat(HostLiteral.isMalformedNumber("0x.de")).isFalse();
        assertThat(HostLiteral.isMalformedNumber("1e100.net")).isFalse();
        assertThat(HostLiteral.isMalformedNumber("127.0.0.1")).isFalse();
        assertThat(HostLiteral.isMalformedNumber("127.0.0.256")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://999.0.0.1/", "http://1.2.3.4.5/", "http://0x100.0.0.1/", "http://08.0.0.1/"})
    void shouldRefuseNumericHostsThatAreNoAddressInsteadOfAskingDns(String url) {
        AtomicInteger lookups = new AtomicInteger();
        SsrfGuard guard = new SsrfGuard(host -> {
            lookups.incrementAndGet();
            return List.of(ip("93.184.216.34"));
        }, AddressAllowList.none());
        assertThatThrownBy(() -> guard.target(URI.create(url))).isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("spelled as a number");
        assertThat(lookups).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/admin", "http://localhost/", "http://127.1/", "http://2130706433/",
        "http://0x7f.0.0.1/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
        "http://rebind.example.org/", "http://metadata.example.org/latest/", "https://10.1.2.3/",
        "http://[2001:0:808:808::80ff:fffe]/"})
    void shouldRefuseInternalTargetsAtRegistration(String url) {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        assertThatThrownBy(() -> guard.checkRegistration(URI.create(url)))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("not allowed");
    }

    @Test
    void shouldNameTheHostTheAddressAndTheReason() {
        SsrfGuard guard = new SsrfGuard(host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})),
                AddressAllowList.none());
        assertThatThrownBy(() -> guard.target(URI.create("https://intranet.example/feed")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessage("host 'intranet.example' is 10.0.0.7, a private network address, which is not allowed");
    }

    @Test
    void shouldAcceptPublicAndUnresolvableHostsAtRegistration() throws Exception {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        guard.checkRegistration(URI.create("https://news.example.org/hook"));
        guard.checkRegistration(URI.create("https://unknown.example.net/hook"));
        assertThatThrownBy(() -> guard.target(URI.create("https://unknown.example.net/hook")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void shouldRefuseWhenAnyResolvedAddressIsInternal() {
        SsrfGuard guard = new SsrfGuard(host -> List.of(ip("8.8.8.8"), ip("192.168.0.1")), AddressAllowList.none());
        assertThatThrownBy(() -> guard.target(URI.create("http://mixed.example/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("192.168.0.1");
    }

    @Test
    void shouldAllowOnlyTheConfiguredAddressAndPort() throws Exception {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.of(List.of("127.0.0.1:8089", "10.9.0.0/16")));
        assertThat(guard.addressesToDial(URI.create("http://127.0.0.1:8089/hook"))).hasSize(1);
        assertThat(guard.addressesToDial(URI.create("http://10.9.3.4/hook"))).hasSize(1);
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("http://127.0.0.1:8090/hook")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("http://10.8.0.1/hook")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void shouldAllowAHostNameEntryOnlyForThatNameAndPort() throws Exception {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.of(List.of("localhost:8081")));
        assertThat(guard.target(URI.create("http://LOCALHOST:8081/feed")).address().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> guard.target(URI.create("http://localhost:8082/feed")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.target(URI.create("http://127.0.0.1:8081/feed")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void shouldPinTheTargetToTheAddressCheckedAndCheckAgainOnTheNextDial() throws Exception {
        // Given a resolver that answers a public address first, then loopback (DNS rebinding)
        AtomicInteger lookups = new AtomicInteger();
        SsrfGuard guard = new SsrfGuard(host -> List.of(lookups.getAndIncrement() == 0 ? ip("93.184.216.34")
                : ip("127.0.0.1")), AddressAllowList.none());
        URI url = URI.create("https://flip.example.org:8443/hook?x=1");
        // When
        DialTarget target = guard.target(url);
        // Then the target carries the first answer and dials it literally
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.dialUri()).isEqualTo(URI.create("https://93.184.216.34:8443/hook?x=1"));
        assertThat(target.hostHeader()).isEqualTo("flip.example.org:8443");
        assertThat(target.serverName()).isEqualTo("flip.example.org");
        assertThat(lookups).hasValue(1);
        // and the next dial sees the new answer and refuses it
        assertThatThrownBy(() -> guard.target(url)).isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void shouldDialIpv6LiteralsInBrackets() throws Exception {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.of(List.of("[::1]:8080")));
        DialTarget target = guard.target(URI.create("http://[::1]:8080/a"));
        assertThat(target.dialUri()).isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:8080/a"));
        assertThat(target.hostHeader()).isEqualTo("[::1]:8080");
    }

    @Test
    void shouldRefuseNonHttpSchemesAndMissingHosts() {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        assertThatThrownBy(() -> guard.target(URI.create("file:///etc/passwd")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> guard.target(URI.create("http:///nohost")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("no host");
    }

    @Test
    void shouldReportAnUnresolvableName() {
        SsrfGuard guard = new SsrfGuard(host -> {
            throw new UnknownHostException(host);
        }, AddressAllowList.none());
        assertThatCode(() -> guard.checkRegistration(URI.create("http://nowhere.invalid/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.target(URI.create("http://nowhere.invalid/")))
                .isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "10.0.0.0/99", "127.0.0.1:http", "host.example:70000", "feeds/8"})
    void shouldRejectAMalformedAllowListEntryNamingIt(String entry) {
        assertThatThrownBy(() -> AddressAllowList.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + entry + "'");
    }
}
