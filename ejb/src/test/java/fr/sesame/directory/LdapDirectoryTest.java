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
                "recoveryMail: zoe@example.org", "state: active", "pwdChangedTime: 20260101120000Z",
                "employeeNumber: 20E1501234ZND");
        server.add("dn: uid=max,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: max",
                "givenName: Max", "sn: Roy", "mail: max.roy@ac-exemple.fr", "state: suspended");
        server.add("dn: uid=twin1,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: twin1",
                "mail: same@ac-exemple.fr");
        server.add("dn: uid=twin2,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: twin2",
                "mail: same@ac-exemple.fr");
        server.add("dn: ou=groupes,dc=example,dc=fr", "objectClass: organizationalUnit", "ou: groupes");
        server.add("dn: cn=tous-les-agents,ou=groupes,dc=example,dc=fr", "objectClass: groupOfNames",
                "cn: tous-les-agents", "member: uid=zoe,ou=agents,dc=example,dc=fr");
        server.add("dn: uid=svc,dc=example,dc=fr", "objectClass: account", "uid: svc");
        server.startListening();
        directory = new LdapDirectory(settings(server.getListenPort()));
    }

    private static DirectorySettings settings(int port) {
        return new DirectorySettings("127.0.0.1", port, false, Optional.empty(), "", BIND_DN, "secret",
                "dc=example,dc=fr", "ou=agents,dc=example,dc=fr", "inetOrgPerson",
                new DirectorySettings.Attributes("uid", "givenName", "sn", "displayName", "mail", "frEduRne",
                        "recoveryMail", "mobile", "state", "pwdChangedTime", "employeeNumber"),
                new DirectorySettings.Groups("ou=groupes,dc=example,dc=fr", "member", "tous-les-agents", "referents",
                        java.util.List.of("top", "inetOrgPerson")),
                new DirectorySettings.Lock(Optional.empty(), ""),
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
    void findsAnAgentByNumenAndComparesItWithoutReadingIt() {
        Numen numen = Numen.parse("20e 1501234 znd").orElseThrow();
        Agent zoe = directory.findByNumen(numen).orElseThrow();

        assertThat(zoe.identifiant()).isEqualTo("zoe");
        assertThat(directory.numenMatches(zoe, numen)).isTrue();
        assertThat(directory.numenMatches(zoe, Numen.parse("20E1501234ZNE").orElseThrow())).isFalse();
        Agent max = directory.findByLogin("max").orElseThrow();
        assertThat(directory.numenMatches(max, numen)).as("no NUMEN on file").isFalse();
        assertThat(directory.findByNumen(Numen.parse("20E9999999XXX").orElseThrow())).isEmpty();
    }

    @Test
    void knowsWhichIdentifiantsAndAddressesAreTakenInTheWholeTree() {
        assertThat(directory.isIdentifiantTaken("zoe")).isTrue();
        assertThat(directory.isIdentifiantTaken("svc")).as("outside the people branch").isTrue();
        assertThat(directory.isIdentifiantTaken("zoe2")).isFalse();
        assertThat(directory.isAddressTaken("ZOE.NDIAYE@ac-exemple.fr")).isTrue();
        assertThat(directory.isAddressTaken("zoe.ndiaye2@ac-exemple.fr")).isFalse();
    }

    @Test
    void createsAPendingAgentInTheAgentsGroupThenActivatesIt() throws Exception {
        NewAgent newAgent = new NewAgent("ldalmeida", "Léa", "D'Almeida", "lea.dalmeida@ac-exemple.fr",
                Numen.parse("20E2601234LDA").orElseThrow(), new Uai("0801234A"), "lea@example.org",
                Optional.of("06 12 34 56 78"));

        Agent created = directory.addPendingAgent(newAgent);
        directory.joinAgentsGroup(java.util.List.of(created));

        assertThat(created.state()).isEqualTo(AccountState.PENDING);
        assertThat(created.displayName()).isEqualTo("Léa D'Almeida");
        assertThat(created.mobile()).contains("06 12 34 56 78");
        assertThat(directory.numenMatches(created, newAgent.numen())).isTrue();
        assertThat(server.getEntry("cn=tous-les-agents,ou=groupes,dc=example,dc=fr").getAttributeValues("member"))
                .contains(created.dn());
        assertThatThrownBy(() -> directory.addPendingAgent(newAgent)).isInstanceOf(IdentifiantTakenException.class);

        directory.setPassword(created, "Un-Mot-De-Passe-2026");
        directory.activate(created, "lea.nouvelle@example.org");

        Agent active = directory.findByLogin("ldalmeida").orElseThrow();
        assertThat(active.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(active.recoveryAddress()).contains("lea.nouvelle@example.org");
        try (var connection = new com.unboundid.ldap.sdk.LDAPConnection("127.0.0.1", server.getListenPort())) {
            assertThat(connection.bind(created.dn(), "Un-Mot-De-Passe-2026").getResultCode())
                    .isEqualTo(com.unboundid.ldap.sdk.ResultCode.SUCCESS);
        }
    }

    @Test
    void aNameWithDnSpecialCharactersMakesAValidEntry() {
        NewAgent tricky = new NewAgent("o+brien,x", "Ann", "O'Brien", "ann.obrien@ac-exemple.fr",
                Numen.parse("20E2601234ANN").orElseThrow(), new Uai("0801234A"), "ann@example.org", Optional.empty());

        Agent created = directory.addPendingAgent(tricky);

        assertThat(created.identifiant()).isEqualTo("o+brien,x");
        assertThat(directory.findByLogin("o+brien,x")).isPresent();
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
                Optional.empty(), "", BIND_DN, "wrong", good.baseDn(), good.peopleDn(), good.personClass(), good.attributes(),
                good.groups(), good.lock(), good.connectTimeout(), good.responseTimeout(), 1));

        assertThatThrownBy(misconfigured::ping).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void anImportChunkAsksOnceForItsNumensAndNamesAndJoinsTheGroupAtOnce() throws Exception {
        server.add("dn: uid=ana,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: ana",
                "mail: ana.lima@ac-exemple.fr", "employeeNumber: 20E1501234ALI", "state: pending");
        server.add("dn: uid=dup1,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: dup1", "employeeNumber: 20E9999999DUP");
        server.add("dn: uid=dup2,ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: dup2", "employeeNumber: 20E9999999DUP");

        java.util.Map<String, Agent> found = directory.findByNumens(java.util.List.of(Numen.parse("20e1501234znd").orElseThrow(),
                Numen.parse("20E1501234ALI").orElseThrow(), Numen.parse("20E9999999DUP").orElseThrow(), Numen.parse("20E0000000ABS").orElseThrow()));
        assertThat(found.keySet()).containsExactlyInAnyOrder("20E1501234ZND", "20E1501234ALI");
        assertThat(found.get("20E1501234ALI").state()).isEqualTo(AccountState.PENDING);

        assertThat(directory.takenAmong(java.util.List.of("zoe", "Max", "nobody"), java.util.List.of("ANA.LIMA@ac-exemple.fr", "free@ac-exemple.fr")))
                .contains("zoe", "max", "ana.lima@ac-exemple.fr").doesNotContain("nobody", "free@ac-exemple.fr");

        Agent ana = directory.findByLogin("ana").orElseThrow();
        Agent zoe = directory.findByLogin("zoe").orElseThrow();
        directory.joinAgentsGroup(java.util.List.of(ana, zoe)); // zoe is a member already: each joins on its own
        assertThat(server.getEntry("cn=tous-les-agents,ou=groupes,dc=example,dc=fr").getAttributeValues("member"))
                .containsExactlyInAnyOrder(zoe.dn(), ana.dn());
    }

    @Test
    void aServerWithASmallSizeLimitIsAskedInHalves() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=fr");
        config.setSchema(null);
        config.addAdditionalBindCredentials(BIND_DN, "secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setMaxSizeLimit(2);
        InMemoryDirectoryServer small = new InMemoryDirectoryServer(config);
        small.add("dn: dc=example,dc=fr", "objectClass: domain", "dc: example");
        small.add("dn: ou=agents,dc=example,dc=fr", "objectClass: organizationalUnit", "ou: agents");
        java.util.List<String> identifiants = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            small.add("dn: uid=a" + i + ",ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: a" + i);
            identifiants.add("a" + i);
        }
        small.startListening();
        LdapDirectory limited = new LdapDirectory(settings(small.getListenPort()));
        try {
            assertThat(limited.takenAmong(identifiants, java.util.List.of())).hasSize(7);
        } finally {
            limited.close();
            small.shutDown(true);
        }
    }

    @Test
    void theDirectorysOwnRefusalsAreToldApartFromAnOutage() {
        assertThat(LdapDirectory.refusalIn(refusal(com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY)))
                .contains(PasswordRefusedByDirectoryException.Refusal.IN_HISTORY);
        assertThat(LdapDirectory.refusalIn(refusal(com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT)))
                .contains(PasswordRefusedByDirectoryException.Refusal.QUALITY);
        assertThat(LdapDirectory.refusalIn(refusal(com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType.INSUFFICIENT_PASSWORD_QUALITY)))
                .contains(PasswordRefusedByDirectoryException.Refusal.QUALITY);
        assertThat(LdapDirectory.refusalIn(refusal(com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_YOUNG)))
                .contains(PasswordRefusedByDirectoryException.Refusal.TOO_YOUNG);
        assertThat(LdapDirectory.refusalIn(new com.unboundid.ldap.sdk.LDAPException(com.unboundid.ldap.sdk.ResultCode.CONSTRAINT_VIOLATION, "no")))
                .contains(PasswordRefusedByDirectoryException.Refusal.OTHER);
        assertThat(LdapDirectory.refusalIn(new com.unboundid.ldap.sdk.LDAPException(com.unboundid.ldap.sdk.ResultCode.SERVER_DOWN, "down")))
                .as("an outage is not a refusal").isEmpty();
    }

    private static com.unboundid.ldap.sdk.LDAPException refusal(com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType error) {
        return new com.unboundid.ldap.sdk.LDAPException(com.unboundid.ldap.sdk.ResultCode.CONSTRAINT_VIOLATION, "refused", null, null,
                new com.unboundid.ldap.sdk.Control[] {new com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl(null, -1, error)});
    }

    @Test
    void thePasswordIsCheckedByTheDirectoryAndAnEmptyOneNeverPasses() throws Exception {
        Agent zoe = directory.findByLogin("zoe").orElseThrow();
        directory.setPassword(zoe, "Cahier-Rouge-Du-Lundi-7");
        assertThat(directory.passwordMatches(zoe, "Cahier-Rouge-Du-Lundi-7")).isTrue();
        assertThat(directory.passwordMatches(zoe, "Cahier-Rouge-Du-Lundi-8")).isFalse();
        assertThat(directory.passwordMatches(zoe, "")).as("an empty password would be an anonymous bind").isFalse();
        assertThat(directory.passwordMatches(zoe, null)).isFalse();
        assertThat(directory.passwordMatches(zoe, "x".repeat(10_000))).isFalse();
    }

    @Test
    void aLockedAccountIsUnlockedBackToActive() {
        Agent zoe = directory.findByLogin("zoe").orElseThrow();
        directory.lock(zoe);
        assertThat(directory.findByLogin("zoe")).map(Agent::state).contains(AccountState.LOCKED);
        directory.unlock(zoe);
        assertThat(directory.findByLogin("zoe")).map(Agent::state).contains(AccountState.ACTIVE);
    }

    @Test
    void aDepartedAccountStaysDepartedAndLeavesEveryGroupButKeepsItsEntry() throws Exception {
        server.add("dn: cn=hotline,ou=groupes,dc=example,dc=fr", "objectClass: groupOfNames", "cn: hotline",
                "member: uid=zoe,ou=agents,dc=example,dc=fr", "member: uid=max,ou=agents,dc=example,dc=fr");
        Agent zoe = directory.findByLogin("zoe").orElseThrow();

        directory.depart(zoe);
        directory.depart(zoe);

        assertThat(directory.findByLogin("zoe")).map(Agent::state).contains(AccountState.DEPARTED);
        assertThat(directory.leaveSesameGroups(zoe)).isEqualTo(2);
        assertThat(server.getEntry("cn=hotline,ou=groupes,dc=example,dc=fr").getAttributeValues("member"))
                .containsExactly("uid=max,ou=agents,dc=example,dc=fr");
        assertThat(server.getEntry("cn=tous-les-agents,ou=groupes,dc=example,dc=fr").hasAttribute("member")).isFalse();
        assertThat(directory.leaveSesameGroups(zoe)).as("done again: nothing left to leave").isZero();
        assertThat(server.getEntry("uid=zoe,ou=agents,dc=example,dc=fr")).as("the entry stays").isNotNull();
    }

    @Test
    void theReferentsOfALargeSchoolAreAllFound() throws Exception {
        for (int i = 0; i < 250; i++) {
            server.add("dn: uid=prof" + i + ",ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: prof" + i,
                    "sn: Prof", "mail: prof" + i + "@ac-exemple.fr", "frEduRne: 0801234A", "state: active");
        }
        server.add("dn: cn=referents,ou=groupes,dc=example,dc=fr", "objectClass: groupOfNames", "cn: referents",
                "member: uid=zoe,ou=agents,dc=example,dc=fr", "member: uid=prof249,ou=agents,dc=example,dc=fr",
                "member: uid=max,ou=agents,dc=example,dc=fr");
        assertThat(directory.referentsOf(Uai.parse("0801234A").orElseThrow()))
                .extracting(Agent::identifiant).containsExactlyInAnyOrder("zoe", "prof249");
        assertThat(directory.referentsOf(Uai.parse("0600045T").orElseThrow())).isEmpty();
    }

    @Test
    void theStaffSearchFindsByNamePartOrWholeAddress() {
        assertThat(search("diaye")).extracting(Agent::identifiant).containsExactly("zoe");
        assertThat(search("Zoé", "diaye")).extracting(Agent::identifiant).containsExactly("zoe");
        assertThat(search("zoe@example.org")).extracting(Agent::identifiant).containsExactly("zoe");
        assertThat(search("max.roy@ac-exemple.fr")).extracting(Agent::identifiant).containsExactly("max");
        assertThat(search("Zoé", "roy")).as("every word must be found").isEmpty();
        assertThat(search("oe@example.org")).as("an address is compared whole").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*)(uid=*", "zoe)(|(uid=*", "\\2a", "zoe\u0000"})
    void theStaffSearchTakesFilterCharactersLiterally(String typed) {
        assertThat(search(typed)).isEmpty();
    }

    @Test
    void aReferentsSearchStaysInTheirSchool() {
        Optional<Uai> school = Uai.parse("0801234A");
        assertThat(directory.search(new AgentSearch(java.util.List.of("o"), school), 0, 10).agents())
                .extracting(Agent::identifiant).containsExactly("zoe");
        assertThat(directory.search(new AgentSearch(java.util.List.of("max"), school), 0, 10).agents()).isEmpty();
    }

    @Test
    void theStaffSearchPagesThroughTheDirectory() throws Exception {
        for (int i = 0; i < 45; i++) {
            server.add("dn: uid=prof" + i + ",ou=agents,dc=example,dc=fr", "objectClass: inetOrgPerson", "uid: prof" + i,
                    "sn: Professeur", "mail: prof" + i + "@ac-exemple.fr", "frEduRne: 0801234A", "state: active");
        }
        AgentSearch professors = new AgentSearch(java.util.List.of("professeur"), Optional.empty());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int page = 0; page < 3; page++) {
            AgentSearchPage found = directory.search(professors, page, 20);
            assertThat(found.page()).isEqualTo(page);
            assertThat(found.agents()).hasSize(page < 2 ? 20 : 5);
            assertThat(found.more()).isEqualTo(page < 2);
            found.agents().forEach(agent -> seen.add(agent.identifiant()));
        }
        assertThat(seen).as("every entry once").hasSize(45);
        assertThat(directory.search(professors, 5, 20).agents()).isEmpty();
        // The connections stay usable after searches abandoned halfway.
        assertThat(directory.findByLogin("zoe")).isPresent();
    }

    private java.util.List<Agent> search(String... words) {
        return directory.search(new AgentSearch(java.util.List.of(words), Optional.empty()), 0, 20).agents();
    }
}
