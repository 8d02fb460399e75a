package org.newsmonitor.alerts.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {
    private static InetAddress ip(String literal) {
        return HostLiteral.parse(literal).orElseThrow();
    }

    private static final Resolver FAKE_DNS = host -> {
        Map<String, String> zone = Map.of("localhost", "127.0.0.1", "news.example.org", "93.184.216.34",
                "rebind.example.org", "10.0.0.7", "metadata.example.org", "169.254.169.254");
        String a = zone.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return List.of(ip(a));
    };

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "0x7f000001", "127.0.1",
        "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "0.0.0.0", "0", "[::]", "10.0.0.1", "172.16.5.4",
        "172.31.255.255", "192.168.1.1", "169.254.169.254", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "100.64.0.1",
        "224.0.0.1", "255.255.255.255", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::127.0.0.1]"})
    void shouldClassifyInternalAddressesWhenSpelledAnyWay(String host) {
        //Given
        InetAddress address = ip(host);
        //When / Then
        assertThat(AddressClassifier.internalReason(address)).as(host + " -> " + address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]", "1.1.1.1"})
    void shouldAcceptPublicAddresses(String host) {
        assertThat(AddressClassifier.internalReason(ip(host))).as(host).isEmpty();
    }

    @Test
    void shouldReadEveryIpv4SpellingAsTheSameAddress() {
        //Then
        for (String s : List.of("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.01", "127.0.1")) {
            assertThat(ip(s).getHostAddress()).as(s).isEqualTo("127.0.0.1");
        }
        assertThat(HostLiteral.parse("news.example.org")).isEmpty();
        assertThat(HostLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(HostLiteral.parse("1.2.3.4.5")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/admin", "http://localhost/", "http://127.1/", "http://2130706433/",
        "http://0x7f.0.0.1/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
        "http://rebind.example.org/", "http://metadata.example.org/latest/", "https://10.1.2.3/"})
    void shouldRefuseInternalTargetsAtRegistration(String url) {
        //Given
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        //When / Then
        assertThatThrownBy(() -> guard.checkRegistration(URI.create(url)))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("not allowed");
    }

    @Test
    void shouldAcceptPublicAndUnresolvableHostsAtRegistration() throws Exception {
        //Given
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        //When / Then
        guard.checkRegistration(URI.create("https://news.example.org/hook"));
        guard.checkRegistration(URI.create("https://unknown.example.net/hook"));
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("https://unknown.example.net/hook")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void shouldAllowOnlyTheConfiguredAddressAndPort() throws Exception {
        //Given
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.of(List.of("127.0.0.1:8089", "10.9.0.0/16")));
        //When / Then
        assertThat(guard.addressesToDial(URI.create("http://127.0.0.1:8089/hook"))).hasSize(1);
        assertThat(guard.addressesToDial(URI.create("http://10.9.3.4/hook"))).hasSize(1);
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("http://127.0.0.1:8090/hook")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("http://10.8.0.1/hook")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void shouldRefuseWhenDnsRebindsBetweenRegistrationAndDelivery() throws Exception {
        //Given: the name first resolves to a public address, later to loopback
        String[] answer = {"93.184.216.34"};
        SsrfGuard guard = new SsrfGuard(host -> List.of(ip(answer[0])), AddressAllowList.none());
        URI url = URI.create("https://flip.example.org/hook");
        guard.checkRegistration(url);
        //When
        answer[0] = "127.0.0.1";
        //Then
        assertThatThrownBy(() -> guard.addressesToDial(url)).isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void shouldRefuseNonHttpSchemes() {
        SsrfGuard guard = new SsrfGuard(FAKE_DNS, AddressAllowList.none());
        assertThatThrownBy(() -> guard.addressesToDial(URI.create("file:///etc/passwd")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("http");
    }

    @Test
    void shouldRejectAMalformedAllowListEntryNamingIt() {
        assertThatThrownBy(() -> AddressAllowList.of(List.of("not-an-address")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'not-an-address'");
    }
}
