package fr.sesame.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailServersTest {

    private final MailServers servers = MailClientDocumentsTest.DEFAULTS;

    @Test
    void onlyAddressesOfTheDomainAreOurs() {
        assertThat(servers.isOurs("claire.martin@ac-amiens.fr")).isTrue();
        assertThat(servers.isOurs("Claire.Martin@AC-AMIENS.FR")).isTrue();
        assertThat(servers.isOurs("claire@ac-amiens.fr.evil.example")).isFalse();
        assertThat(servers.isOurs("claire@sub.ac-amiens.fr")).isFalse();
        assertThat(servers.isOurs("@ac-amiens.fr")).isFalse();
        assertThat(servers.isOurs("ac-amiens.fr")).isFalse();
        assertThat(servers.isOurs(null)).isFalse();
    }

    @Test
    void theUsernameIsTheIdentifiantOrTheAddressAsConfigured() {
        assertThat(servers.loginOf("cmartin", "claire.martin@ac-amiens.fr")).isEqualTo("cmartin");
        assertThat(MailClientDocumentsTest.CONFIGURED.loginOf("cmartin", "claire.martin@ac-exemple.fr"))
                .isEqualTo("claire.martin@ac-exemple.fr");
    }

    @Test
    void securityReadsTheWordsPeopleWrite() {
        assertThat(Security.parse("SSL/TLS")).isEqualTo(Security.SSL_TLS);
        assertThat(Security.parse(" tls ")).isEqualTo(Security.SSL_TLS);
        assertThat(Security.parse("starttls")).isEqualTo(Security.STARTTLS);
        assertThatThrownBy(() -> Security.parse("aucune")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Security.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointNeedsAHostAndARealPort() {
        assertThatThrownBy(() -> new Endpoint(" ", 993, Security.SSL_TLS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint("imap", 0, Security.SSL_TLS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint("imap", 65_536, Security.SSL_TLS)).isInstanceOf(IllegalArgumentException.class);
    }
}
