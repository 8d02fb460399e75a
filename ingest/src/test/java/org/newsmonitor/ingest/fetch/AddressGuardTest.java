package org.newsmonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3        | a private address",
        "172.16.0.1      | a private address",
        "192.168.1.1     | a private address",
        "169.254.169.254 | a link-local address",
        "100.64.0.1      | a shared (carrier-grade NAT) address",
        "0.1.2.3         | a 'this network' address",
        "224.0.0.1       | a multicast address",
        "240.0.0.1       | a reserved address",
        "fd00::1         | a private address (unique local)",
        "fe80::1         | a link-local address",
        "64:ff9b::a00:1  | a private address (embedded in IPv6)",
        "2002:a00:1::    | a private address (embedded in IPv6)"})
    void shouldClassifyInternalRanges(String address, String reason) throws Exception {
        assertThat(AddressClassifier.internalReason(InetAddress.getByName(address))).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "2606:4700::1111", "100.128.0.1"})
    void shouldLetPublicAddressesPass(String address) throws Exception {
        assertThat(AddressClassifier.internalReason(InetAddress.getByName(address))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"127.1 | 127.0.0.1", "2130706433 | 127.0.0.1", "0x7f.0.0.1 | 127.0.0.1",
        "0177.0.0.1 | 127.0.0.1", "10.1 | 10.0.0.1", "0xa9fea9fe | 169.254.169.254"})
    void shouldDecodeNumericHostSpellings(String host, String address) {
        assertThat(AddressClassifier.numericIpv4(host).getHostAddress()).isEqualTo(address);
    }

    @Test
    void shouldRefuseANameThatResolvesToAPrivateAddressWithoutConnecting() {
        AddressGuard guard = new AddressGuard(SsrfPolicy.publicOnly(),
                host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})));
        assertThatThrownBy(() -> guard.check(URI.create("https://intranet.example/feed")))
                .isInstanceOf(BlockedTargetException.class)
                .hasMessage("intranet.example resolves to 10.0.0.7, a private address, which the SSRF policy refuses");
    }

    @Test
    void shouldCheckEveryResolutionSoARebindingNameIsCaughtOnTheSecondLookup() throws Exception {
        // Given a resolver that answers a public address first, then loopback (DNS rebinding)
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByAddress(host, lookups.getAndIncrement() == 0
                ? new byte[] {93, (byte) 184, (byte) 216, 34} : new byte[] {127, 0, 0, 1}));
        AddressGuard guard = new AddressGuard(SsrfPolicy.publicOnly(), rebinding);
        URI uri = URI.create("http://rebind.example/feed");
        // When / Then
        assertThatCode(() -> guard.check(uri)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(uri)).hasMessageContaining("a loopback address");
    }

    @Test
    void shouldRefuseWhenAnyResolvedAddressIsInternal() {
        AddressGuard guard = new AddressGuard(SsrfPolicy.publicOnly(), host -> List.of(
                InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}),
                InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 0, 1})));
        assertThatThrownBy(() -> guard.check(URI.create("http://mixed.example/"))).hasMessageContaining("192.168.0.1");
    }

    @Test
    void shouldAllowOnlyTheExactAllowListedHostAndPort() throws Exception {
        AddressGuard guard = new AddressGuard(SsrfPolicy.publicOnlyExcept("127.0.0.1:8081"), HostResolver.system());
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:8081/feed"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8082/feed")))
                .isInstanceOf(BlockedTargetException.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8081/feed")))
                .isInstanceOf(BlockedTargetException.class);
    }

    @Test
    void shouldReportAnUnresolvableName() {
        AddressGuard guard = new AddressGuard(SsrfPolicy.publicOnly(), host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> guard.check(URI.create("http://nowhere.invalid/"))).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void shouldReadRetryAfterForms() {
        java.time.Instant now = java.time.Instant.parse("2025-06-01T12:00:00Z");
        assertThat(RetryAfter.parse("120", now)).hasSeconds(120);
        assertThat(RetryAfter.parse("1000000000", now)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 13:00:00 GMT", now)).hasMinutes(60);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", now)).isZero();
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("-5", now)).isNull();
    }
}
