package fr.sesame.it;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ModifyRequest;
import fr.sesame.dev.EmbeddedDirectory;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.StaticUtils;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Directory entries for agents a test needs in a precise state (a password of a given age, no
 * recovery address…), under the test directory's people branch.
 */
public final class TestAgents {

    /**
     * OpenLDAP's Relax Rules control, so that the manager may set the date of a password (the embedded
     * directory, which has no such rule, ignores it).
     */
    public static final Control RELAX = new Control(OpenLdapDirectory.RELAX_RULES_OID, false);

    public static final String PEOPLE_DN = "ou=people,dc=ac-amiens,dc=fr";

    private TestAgents() {
    }

    /** A new identifiant no other test or run uses. */
    public static String newIdentifiant(String prefix) {
        // At least 36^9, so always 10 base-36 digits or more: a smaller draw (1 in 90,000) was too short to cut.
        long random = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36, Long.MAX_VALUE);
        return (prefix + Long.toString(random, 36)).toLowerCase(Locale.ROOT)
                .substring(0, Math.min(prefix.length() + 10, 30));
    }

    /**
     * An active agent.
     *
     * @param passwordChangedAt the directory's date of the last change (pwdChangedTime), or null for none
     * @param recovery the recovery address, or null for none
     * @param password the password in clear (the embedded server hashes it), or null for none
     */
    public static Entry active(String identifiant, Instant passwordChangedAt, String recovery, String password, String numen) {
        Entry entry = new Entry("uid=" + identifiant + "," + PEOPLE_DN);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "sesameAgent");
        entry.addAttribute("uid", identifiant);
        entry.addAttribute("givenName", "Test");
        entry.addAttribute("sn", "Agent");
        entry.addAttribute("cn", "Test Agent");
        entry.addAttribute("displayName", "Test Agent");
        entry.addAttribute("mail", identifiant + "@ac-amiens.fr");
        entry.addAttribute("sesameAccountState", "active");
        entry.addAttribute("sesameUai", "0801234A");
        if (numen != null) {
            entry.addAttribute("employeeNumber", numen);
        }
        if (recovery != null) {
            entry.addAttribute("sesameRecoveryMail", recovery);
        }
        if (password != null) {
            entry.addAttribute("userPassword", password);
        }
        if (passwordChangedAt != null) {
            entry.addAttribute("pwdChangedTime", StaticUtils.encodeGeneralizedTime(Date.from(passwordChangedAt)));
        }
        return entry;
    }

    /**
     * Adds the entry to the test server's directory and to the agents' group (the {@code agent} role),
     * as Sésame's service account (from the test JVM or from inside the test server).
     */
    public static void addFromTests(Entry entry) {
        try (LDAPConnection connection = managerConnection()) {
            connection.add(new AddRequest(entry, new Control[] {RELAX}));
            connection.modify("cn=sesame-agents,ou=groups,dc=ac-amiens,dc=fr",
                    new Modification(ModificationType.ADD, "member", entry.getDN()));
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot add " + entry.getDN(), e);
        }
    }

    /**
     * Whether the directory accepts this password for this identifiant, asked as any client of the
     * directory would (the mail servers bind the same way): a plain LDAP bind.
     */
    public static boolean binds(String identifiant, String password) {
        try (LDAPConnection connection = new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort())) {
            connection.bind("uid=" + identifiant + "," + PEOPLE_DN, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == com.unboundid.ldap.sdk.ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("The directory did not answer the bind of " + identifiant, e);
        }
    }

    /**
     * A connection as the directory's manager, on either test directory: what the académie's own tools
     * do (the HR feed, an administrator), as opposed to what Sésame's service account may do.
     */
    public static LDAPConnection managerConnection() throws LDAPException {
        return new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort(),
                EmbeddedDirectory.MANAGER_DN, EmbeddedDirectory.MANAGER_PASSWORD);
    }

    /** Changes the entry as the manager, with what only the directory keeps (pwdChangedTime) allowed. */
    public static void modifyAsManager(String dn, Modification... changes) {
        try (LDAPConnection connection = managerConnection()) {
            connection.modify(new ModifyRequest(dn, changes, new Control[] {RELAX}));
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot change " + dn, e);
        }
    }

    /** Which directory answers, for the benchmarks' reports: OpenLDAP tells itself by its root DSE's class. */
    public static String directoryName(LDAPConnection connection) throws LDAPException {
        com.unboundid.ldap.sdk.RootDSE root = connection.getRootDSE();
        return root != null && root.hasObjectClass("OpenLDAProotDSE") ? "OpenLDAP (slapd, mdb, ppolicy)"
                : "embedded UnboundID in-memory server";
    }

    public static String academicAddress(String identifiant) {
        return identifiant + "@ac-amiens.fr";
    }
}
