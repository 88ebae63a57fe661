package fr.sesame.dev;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDirectoryTest {

    private static final String CLAIRE = "uid=cmartin,ou=people,dc=ac-amiens,dc=fr";
    private static final String LUCIE = "uid=lbernard,ou=people,dc=ac-amiens,dc=fr";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void theDemoPasswordOpensAnActiveAccountAndNothingElseDoes() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            BindResult bind = connection.bind(CLAIRE, "Sesame-Demo-2026!");
            assertThat(bind.getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(CLAIRE, "wrong"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
            assertThatThrownBy(() -> connection.bind(LUCIE, "Sesame-Demo-2026!"))
                    .as("a pending account has no password yet")
                    .isInstanceOf(LDAPException.class);
        }
    }

    /** As OpenLDAP's ppolicy does for every client, the mail servers included. */
    @Test
    void aLockedEntryCannotBindWhateverThePasswordUntilItsLockIsRemoved() throws Exception {
        String nicolas = "uid=nleroy,ou=people,dc=ac-amiens,dc=fr";
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThatThrownBy(() -> connection.bind(nicolas, "Sesame-Demo-2026!"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));

            directory.server().modify(nicolas, new com.unboundid.ldap.sdk.Modification(
                    com.unboundid.ldap.sdk.ModificationType.REPLACE, "pwdAccountLockedTime"));

            assertThat(connection.bind(nicolas, "Sesame-Demo-2026!").getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void passwordAgesAreSetRelativeToTheFirstStart() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            SearchResultEntry claire = connection.getEntry(CLAIRE, "pwdChangedTime");
            SearchResultEntry pierre = connection.getEntry("uid=ppetit,ou=people,dc=ac-amiens,dc=fr", "pwdChangedTime");

            assertThat(claire.getAttributeValueAsDate("pwdChangedTime").toInstant())
                    .isEqualTo(TODAY.instant().minus(Duration.ofDays(20)));
            assertThat(pierre.getAttributeValueAsDate("pwdChangedTime").toInstant())
                    .isEqualTo(TODAY.instant().minus(Duration.ofDays(175)));
        }
    }

    @Test
    void theDemoHoldsEnoughPeopleSchoolsAndStatesForEveryFeature() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            var people = connection.search("ou=people,dc=ac-amiens,dc=fr", com.unboundid.ldap.sdk.SearchScope.ONE,
                    "(objectClass=inetOrgPerson)", "sesameUai", "sesameAccountState").getSearchEntries();

            assertThat(people).hasSizeGreaterThanOrEqualTo(20);
            assertThat(people).extracting(e -> e.getAttributeValue("sesameUai")).doesNotContainNull()
                    .contains("0801234A", "0600045T", "0020078K");
            assertThat(people).extracting(e -> e.getAttributeValue("sesameAccountState"))
                    .contains("active", "pending", "locked");
        }
    }

    /** Ops read /metrics through the server's reader-role: their group, and no group of the application's. */
    @Test
    void opsIsInTheOpsGroupAloneAndLogsInWithTheDemoPassword() throws Exception {
        String ops = "uid=ops1,ou=people,dc=ac-amiens,dc=fr";
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            var groups = connection.search("ou=groups,dc=ac-amiens,dc=fr", com.unboundid.ldap.sdk.SearchScope.ONE,
                    com.unboundid.ldap.sdk.Filter.createEqualityFilter("member", ops), "cn").getSearchEntries();

            assertThat(groups).extracting(group -> group.getAttributeValue("cn")).containsExactly("sesame-ops");
            assertThat(connection.bind(ops, "Sesame-Demo-2026!").getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void changesSurviveARestart() throws Exception {
        Path state = folder.resolve("directory.ldif");
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, state, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            connection.bind("uid=sesame,ou=services,dc=ac-amiens,dc=fr", "sesame-embedded-only");
            connection.modify(LUCIE, new Modification(ModificationType.REPLACE, "sesameAccountState", "active"));
            connection.processExtendedOperation(new PasswordModifyExtendedRequest(LUCIE, null, "Lucie-Nouveau-2026!"));
        }

        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, state, TODAY);
             LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThat(connection.getEntry(LUCIE).getAttributeValue("sesameAccountState")).isEqualTo("active");
            assertThat(connection.bind(LUCIE, "Lucie-Nouveau-2026!").getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void theListenerCanGoAwayAndComeBackWithTheSameData() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("127.0.0.1", 0, null, TODAY);
             LDAPConnection open = new LDAPConnection("127.0.0.1", directory.port())) {
            int port = directory.port();
            directory.stopListening();
            assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", port).close()).isInstanceOf(LDAPException.class);
            assertThatThrownBy(() -> open.getEntry(CLAIRE)).as("connections already open are closed too")
                    .isInstanceOf(LDAPException.class);

            directory.startListening();

            try (LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
                assertThat(connection.getEntry(CLAIRE)).isNotNull();
            }
        }
    }
}
