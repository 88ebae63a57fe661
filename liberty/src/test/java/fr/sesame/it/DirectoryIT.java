package fr.sesame.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.LdapDirectory;
import fr.sesame.school.Uai;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory adapter inside Liberty, configured from server.xml variables through MicroProfile
 * Config, against the embedded LDAP server seeded with the demo académie.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "directory-it.war")
                .addPackage(LdapDirectory.class.getPackage())
                .addClass(Uai.class)
                .addAsLibraries(jarOf(LDAPConnection.class), jarOf(Assertions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    Directory directory;

    @Test
    void findsAnActiveAgentByIdentifiant() {
        Agent claire = directory.findByLogin("cmartin").orElseThrow();

        assertThat(claire.dn()).isEqualTo("uid=cmartin,ou=people,dc=ac-amiens,dc=fr");
        assertThat(claire.displayName()).isEqualTo("Claire Martin");
        assertThat(claire.academicAddress()).isEqualTo("claire.martin@ac-amiens.fr");
        assertThat(claire.uai()).contains(new Uai("0801234A"));
        assertThat(claire.recoveryAddress()).contains("claire.martin@example.org");
        assertThat(claire.mobile()).contains("06 12 34 56 78");
        assertThat(claire.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(claire.passwordChangedAt()).hasValueSatisfying(changed ->
                assertThat(Duration.between(changed, Instant.now()).toDays()).isBetween(19L, 21L));
    }

    @Test
    void findsTheSameAgentByAcademicAddress() {
        assertThat(directory.findByLogin("claire.martin@ac-amiens.fr")).map(Agent::identifiant).contains("cmartin");
        assertThat(directory.findByLogin("  CMARTIN ")).map(Agent::identifiant).contains("cmartin");
    }

    @Test
    void readsAccentsAndEveryAccountState() {
        assertThat(directory.findByLogin("elambert")).hasValueSatisfying(agent -> {
            assertThat(agent.displayName()).isEqualTo("Émilie Lambert");
            assertThat(agent.state()).isEqualTo(AccountState.LOCKED);
        });
        assertThat(directory.findByLogin("lbernard")).map(Agent::state).contains(AccountState.PENDING);
        assertThat(directory.findByLogin("lbernard")).hasValueSatisfying(agent ->
                assertThat(agent.passwordChangedAt()).isEmpty());
        assertThat(directory.findByLogin("cmorel")).hasValueSatisfying(agent ->
                assertThat(agent.recoveryAddress()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"personne", "*", "cmartin*", "*)(uid=*", "cmartin)(|(uid=*", "uid=cmartin,ou=people,dc=ac-amiens,dc=fr", "\\2a", " ", ""})
    void findsNobodyForUnknownOrHostileInput(String typed) {
        assertThat(directory.findByLogin(typed)).isEmpty();
    }

    @Test
    void aHugeInputIsNotEvenSent() {
        assertThat(directory.findByLogin("a".repeat(10_000))).isEmpty();
        assertThat(directory.findByLogin(null)).isEmpty();
    }

    @Test
    void answersThePing() {
        directory.ping();
    }
}
