package fr.sesame.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a directory with a password policy (OpenLDAP's ppolicy) does, seen by the agent: the
 * directory's refusals of a new password beside the field, a password expired by the directory, the
 * password hashed and dated by the directory itself. Runs in the OpenLDAP run only (the pom's second
 * failsafe execution).
 */
@ExtendWith(Browser.class)
class OpenLdapPolicyIT {

    private static final String FIRST = "Cahier-Rouge-Du-Lundi-7";
    private static final String SECOND = "Tableau-Vert-Du-Mardi-8";
    private static final String THIRD = "Craie-Bleue-Du-Jeudi-9";

    private static String dn(String identifiant) {
        return "uid=" + identifiant + "," + TestAgents.PEOPLE_DN;
    }

    private static void changePassword(Browser browser, String current, String password) {
        browser.open("/compte/mot-de-passe");
        browser.type("#changement\\:actuel", current);
        browser.type("#changement\\:motDePasse", password);
        browser.type("#changement\\:confirmation", password);
        browser.submit("#changement\\:changer");
    }

    @Test
    void aPasswordTheDirectoryRemembersIsRefusedBesideTheFieldAndTheNextIsStoredHashedAndDated(Browser browser)
            throws Exception {
        String identifiant = TestAgents.newIdentifiant("histo-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(20)),
                identifiant + "@perso.example.org", FIRST, HrFile.newNumen()));
        // Changed elsewhere (the webmail, say), as the agent: the directory remembers FIRST, Sésame never saw it.
        try (LDAPConnection self = new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort(), dn(identifiant), FIRST)) {
            assertThat(self.processExtendedOperation(new PasswordModifyExtendedRequest(FIRST, SECOND)).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
        }

        browser.logIn(identifiant, SECOND);
        browser.waitForPath("/compte");
        changePassword(browser, SECOND, FIRST);
        browser.waitFor("#changement\\:motDePasse-erreur");
        assertThat(browser.text("#changement\\:motDePasse-erreur")).contains("vous l’avez déjà utilisé");
        browser.assertNoTechnicalDetail();
        assertThat(TestAgents.binds(identifiant, SECOND)).as("nothing changed").isTrue();

        Instant before = Instant.now().minusSeconds(2);
        changePassword(browser, SECOND, THIRD);
        browser.waitFor("#mot-de-passe-modifie");
        try (LDAPConnection manager = TestAgents.managerConnection()) {
            SearchResultEntry entry = manager.getEntry(dn(identifiant), "userPassword", "pwdChangedTime");
            assertThat(entry.getAttributeValue("userPassword")).as("hashed by the directory")
                    .startsWith("{SSHA256}").doesNotContain(THIRD);
            assertThat(entry.getAttributeValueAsDate("pwdChangedTime").toInstant()).as("dated by the directory")
                    .isAfter(before);
        }
        assertThat(TestAgents.binds(identifiant, THIRD)).isTrue();
    }

    @Test
    void aPasswordChangedTooRecentlyForTheDirectoryIsRefusedInFrench(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("jeune-");
        // No date given: the directory dates the password now; its policy wants a day between changes.
        var entry = TestAgents.active(identifiant, null, identifiant + "@perso.example.org", FIRST, HrFile.newNumen());
        entry.addAttribute("pwdPolicySubentry", "cn=minimum-age,ou=policies,dc=ac-amiens,dc=fr");
        TestAgents.addFromTests(entry);

        browser.logIn(identifiant, FIRST);
        browser.waitForPath("/compte");
        changePassword(browser, FIRST, SECOND);
        browser.waitFor("#changement\\:motDePasse-erreur");
        assertThat(browser.text("#changement\\:motDePasse-erreur")).contains("vient d’être changé");
        browser.assertNoTechnicalDetail();
        assertThat(TestAgents.binds(identifiant, FIRST)).isTrue();
    }

    @Test
    void theServiceAccountPagesPastTheSitesSizeLimitAsTheNightlySweepDoes() throws Exception {
        // The test directory's default size limit is 1,000 entries (olcSizeLimit); a month of passwords
        // in an académie is more. The shipped olcLimits lift it for Sésame's account only.
        String branch = "ou=limite" + System.nanoTime() + "," + TestAgents.PEOPLE_DN;
        try (LDAPConnection manager = TestAgents.managerConnection()) {
            manager.add(branch, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "organizationalUnit"),
                    new com.unboundid.ldap.sdk.Attribute("ou", branch.substring(3, branch.indexOf(','))));
            for (int i = 0; i < 1_050; i++) {
                manager.add("uid=l" + i + "," + branch, new com.unboundid.ldap.sdk.Attribute("objectClass", "inetOrgPerson"),
                        new com.unboundid.ldap.sdk.Attribute("uid", "l" + i), new com.unboundid.ldap.sdk.Attribute("cn", "L"),
                        new com.unboundid.ldap.sdk.Attribute("sn", "L"));
            }
        }
        // (Without the shipped olcLimits this search ends in "size limit exceeded" after 1,000 entries.)
        try (LDAPConnection sesame = new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort(),
                "uid=sesame,ou=services,dc=ac-amiens,dc=fr", "sesame-embedded-only")) {
            assertThat(pagedCount(sesame, branch)).isEqualTo(1_050);
        }
    }

    /**
     * The shipped rules let Sésame take a departed agent out of a staff group, never put anyone in one:
     * a stolen service password cannot make an administrator.
     */
    @Test
    void sesamesAccountMayRemoveAStaffMemberButNeverAddOne() throws Exception {
        String identifiant = TestAgents.newIdentifiant("aclgrp-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now(), null, null, null));
        String dn = "uid=" + identifiant + "," + TestAgents.PEOPLE_DN;
        String admins = "cn=sesame-admins,ou=groups,dc=ac-amiens,dc=fr";
        try (LDAPConnection sesame = new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort(),
                "uid=sesame,ou=services,dc=ac-amiens,dc=fr", "sesame-embedded-only")) {
            com.unboundid.ldap.sdk.Modification add = new com.unboundid.ldap.sdk.Modification(
                    com.unboundid.ldap.sdk.ModificationType.ADD, "member", dn);
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.unboundid.ldap.sdk.LDAPException.class,
                    () -> sesame.modify(admins, add)).getResultCode())
                    .isEqualTo(com.unboundid.ldap.sdk.ResultCode.INSUFFICIENT_ACCESS_RIGHTS);

            try (LDAPConnection manager = TestAgents.managerConnection()) {
                manager.modify(admins, add);
            }
            sesame.modify(admins, new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.DELETE, "member", dn));
            assertThat(sesame.getEntry(admins, "member").hasAttributeValue("member", dn)).isFalse();
        }
    }

    private static int pagedCount(LDAPConnection connection, String base) throws Exception {
        com.unboundid.ldap.sdk.SearchRequest request = new com.unboundid.ldap.sdk.SearchRequest(base,
                com.unboundid.ldap.sdk.SearchScope.ONE, "(objectClass=inetOrgPerson)", "uid");
        int count = 0;
        com.unboundid.asn1.ASN1OctetString cookie = null;
        do {
            request.setControls(new com.unboundid.ldap.sdk.controls.SimplePagedResultsControl(500, cookie, true));
            com.unboundid.ldap.sdk.SearchResult page = connection.search(request);
            count += page.getEntryCount();
            var response = com.unboundid.ldap.sdk.controls.SimplePagedResultsControl.get(page);
            cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
        } while (cookie != null);
        return count;
    }

    @Test
    void aPasswordTheDirectoryHasExpiredIsToldAndLeadsToANewOne(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("expire-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(200)),
                identifiant + "@perso.example.org", FIRST, HrFile.newNumen()));
        assertThat(TestAgents.binds(identifiant, FIRST)).as("the directory itself refuses it, to every client").isFalse();

        browser.logIn(identifiant, FIRST);
        browser.waitFor("#mot-de-passe-expire");
        assertThat(browser.text("#mot-de-passe-expire")).contains("Votre mot de passe a expiré");
        browser.find("#mot-de-passe-expire a").click();
        browser.waitForPath("/mot-de-passe-oublie");

        // A wrong password for the same account says nothing of the kind.
        browser.logIn(identifiant, SECOND);
        browser.waitFor("#messages");
        assertThat(browser.findAll("#mot-de-passe-expire")).isEmpty();
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
    }
}
