package fr.sesame.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import fr.sesame.school.Uai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LDAP adapter against a real (in-memory) LDAP server, with attribute names of another schema. */
class LdapDirectoryTest {

    private static final String BIND_DN = "cn=sesame,dc=example,dc=fr";

    private InMemoryDirectoryServer server;
    private LdapDirectory directory;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=fr");
        config.setSchema(null); // another académie's schema: attribute names come from the settings
        config.addAdditionalBindCredentials(BIND_DN, "secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=fr", "objectClass: domain", "dc: example");
        server.add("dn: ou=agents,dc=example,dc=fr", "objectClass: organizationalUnit", "ou: agents");
        server.add("dn: uid=zoe,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: zoe",
                "givenName: Zoé", "sn: N'Diaye", "mail: zoe.ndiaye@ac-exemple.fr", "frEduRne: 0801234A",
                "recoveryMail: zoe@example.org", "state: active", "pwdChangedTime: 20260101120000Z");
        server.add("dn: uid=max,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: max",
                "givenName: Max", "sn: Roy", "mail: max.roy@ac-exemple.fr", "state: suspended");
        server.add("dn: uid=twin1,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: twin1",
                "mail: same@ac-exemple.fr");
        server.add("dn: uid=twin2,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: twin2",
                "mail: same@ac-exemple.fr");
        server.startListening();
        directory = new LdapDirectory(settings(server.getListenPort()));
    }

    private static DirectorySettings settings(int port) {
        return new DirectorySettings("127.0.0.1", port, false, Optional.empty(), "", BIND_DN, "secret",
                "ou=agents,dc=example,dc=fr", "inetOrgPerson",
                new DirectorySettings.Attributes("uid", "givenName", "sn", "displayName", "mail", "frEduRne",
                        "recoveryMail", "mobile", "state", "pwdChangedTime"),
                Duration.ofSeconds(2), Duration.ofSeconds(3), 2);
    }

    @AfterEach
    void stop() {
        directory.close();
        server.shutDown(true);
    }

    @Test
    void readsAnAgentThroughTheConfiguredAttributeNames() {
        Agent zoe = directory.findByLogin("zoe").orElseThrow();

        assertThat(zoe.displayName()).as("built from the names when the directory has none").isEqualTo("Zoé N'Diaye");
        assertThat(zoe.uai()).contains(new Uai("0801234A"));
        assertThat(zoe.recoveryAddress()).contains("zoe@example.org");
        assertThat(zoe.mobile()).isEmpty();
        assertThat(zoe.passwordChangedAt()).contains(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(zoe.toString()).doesNotContain("Zoé", "example.org");
    }

    @Test
    void anUnknownStateNeverOpensTheDoor() {
        assertThat(directory.findByLogin("max")).map(Agent::state).contains(AccountState.LOCKED);
    }

    @Test
    void twoEntriesForOneLoginMeanNobody() {
        assertThat(directory.findByLogin("same@ac-exemple.fr")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "z*", "*)(uid=*", "zoe)(|(uid=*", "zoe\u0000", "uid=zoe,ou=agents,dc=example,dc=fr"})
    void filterCharactersAreTakenLiterally(String typed) {
        assertThat(directory.findByLogin(typed)).isEmpty();
    }

    @Test
    void comesBackByItselfAfterTheDirectoryRestarts() throws Exception {
        assertThat(directory.findByLogin("zoe")).isPresent();
        server.shutDown(true);

        assertThatThrownBy(() -> directory.findByLogin("zoe")).isInstanceOf(DirectoryUnavailableException.class);
        assertThatThrownBy(directory::ping).isInstanceOf(DirectoryUnavailableException.class);

        server.startListening();
        assertThat(directory.findByLogin("zoe")).isPresent();
        directory.ping();
    }

    @Test
    void aDirectoryThatIsNotThereIsReportedQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LdapDirectory nowhere = new LdapDirectory(settings(closedPort));

        Instant start = Instant.now();
        assertThatThrownBy(() -> nowhere.findByLogin("zoe")).isInstanceOf(DirectoryUnavailableException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWrongServiceAccountPasswordIsAnOutageNotAnEmptyAnswer() {
        DirectorySettings good = settings(server.getListenPort());
        LdapDirectory misconfigured = new LdapDirectory(new DirectorySettings(good.host(), good.port(), false,
                Optional.empty(), "", BIND_DN, "wrong", good.peopleDn(), good.personClass(), good.attributes(),
                good.connectTimeout(), good.responseTimeout(), 1));

        assertThatThrownBy(misconfigured::ping).isInstanceOf(DirectoryUnavailableException.class);
    }
}
