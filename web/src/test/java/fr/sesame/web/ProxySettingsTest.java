package fr.sesame.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProxySettingsTest {

    @Test
    void aServerBehindABalancerRefusesToStartWhileItTrustsOnlyItself() {
        assertThatIllegalStateException().isThrownBy(() -> ProxySettings.check(true, "127\\.0\\.0\\.1"))
                .withMessageContaining("SESAME_HTTP_TRUSTED_PROXIES");
        assertThatCode(() -> ProxySettings.check(true, "10\\.1\\.2\\.(10|11)")).doesNotThrowAnyException();
        assertThatCode(() -> ProxySettings.check(false, "127\\.0\\.0\\.1")).as("the embedded run").doesNotThrowAnyException();
    }

    @Test
    void aLongRunOfRequestsFromOneAddressIsWarnedOfOnceAnHour() {
        ProxySettings.OneAddressWatch.Run run = new ProxySettings.OneAddressWatch.Run();
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        String warning = null;
        for (int i = 0; i < ProxySettings.OneAddressWatch.RUN; i++) {
            warning = run.seen("10.1.2.10", now);
        }
        assertThat(warning).contains("10.1.2.10", "sesame.http.trusted-proxies");
        assertThat(run.seen("10.1.2.10", now.plusSeconds(60))).as("not again within the hour").isNull();

        ProxySettings.OneAddressWatch.Run mixed = new ProxySettings.OneAddressWatch.Run();
        for (int i = 0; i < 3 * ProxySettings.OneAddressWatch.RUN; i++) {
            assertThat(mixed.seen(i % 2 == 0 ? "192.0.2.1" : "192.0.2.2", now)).isNull();
        }
        ProxySettings.OneAddressWatch.Run local = new ProxySettings.OneAddressWatch.Run();
        for (int i = 0; i < 2 * ProxySettings.OneAddressWatch.RUN; i++) {
            assertThat(local.seen("127.0.0.1", now)).as("this machine (the embedded run)").isNull();
        }
    }
}
