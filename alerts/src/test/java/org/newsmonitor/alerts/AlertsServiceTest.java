package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;

class AlertsServiceTest {
    @TempDir
    Path dir;

    @Test
    void shouldFailWithOneLineNamingThePortWhenItIsTaken() throws Exception {
        //Given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AlertsConfig config = AlertsConfig.defaults(ClientSettings.of("127.0.0.1:1"), dir)
                    .withHttp("127.0.0.1", taken.getLocalPort());
            //When / Then
            try (AlertsService service = new AlertsService(config)) {
                assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + taken.getLocalPort()).hasMessageContaining("in use");
            }
        }
    }

    @Test
    void shouldRefuseToReportAPortBeforeStart() {
        AlertsService service = new AlertsService(AlertsConfig.defaults(ClientSettings.of("127.0.0.1:1"), dir));
        assertThatThrownBy(service::httpPort).hasMessageContaining("not started");
    }
}
