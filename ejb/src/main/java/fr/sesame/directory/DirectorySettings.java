package fr.sesame.directory;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the directory is and how its schema names things. Every académie's directory differs, so
 * every value comes from configuration ({@code sesame.ldap.*}, server.xml variables).
 */
public record DirectorySettings(
        String host,
        int port,
        boolean tls,
        Optional<String> trustStore,
        String trustStorePassword,
        String bindDn,
        String bindPassword,
        String baseDn,
        String peopleDn,
        String personClass,
        Attributes attributes,
        Groups groups,
        Lock lock,
        Duration connectTimeout,
        Duration responseTimeout,
        int poolSize) {

    /** The attribute names of the directory's schema. */
    public record Attributes(
            String identifiant,
            String givenName,
            String surname,
            String displayName,
            String academicAddress,
            String uai,
            String recoveryAddress,
            String mobile,
            String accountState,
            String passwordChanged,
            String numen) {

        String[] all() {
            return new String[] {identifiant, givenName, surname, displayName, academicAddress, uai,
                    recoveryAddress, mobile, accountState, passwordChanged};
        }
    }

    /**
     * The directory's own lock, the one every client of the directory honours at bind (the mail
     * servers too): an attribute and the value that locks. OpenLDAP with ppolicy:
     * {@code pwdAccountLockedTime} = {@code 000001010000Z} (locked until an administrator unlocks);
     * 389 Directory Server: {@code nsAccountLock} = {@code true}. Empty attribute: Sésame's account
     * state alone, which only Sésame reads.
     */
    public record Lock(Optional<String> attribute, String value) {
    }

    /**
     * Where new agents go: the object classes of a new entry and the group every agent belongs to
     * (the one mapped to the {@code agent} role).
     *
     * @param newEntryClasses object classes of an entry Sésame creates, comma separated in configuration
     */
    public record Groups(String groupsDn, String memberAttribute, String agentGroup, String referentGroup,
                         List<String> newEntryClasses) {
    }

    public static DirectorySettings from(Config config) {
        Attributes attributes = new Attributes(
                config.getValue("sesame.ldap.attr.identifiant", String.class),
                config.getValue("sesame.ldap.attr.given-name", String.class),
                config.getValue("sesame.ldap.attr.surname", String.class),
                config.getValue("sesame.ldap.attr.display-name", String.class),
                config.getValue("sesame.ldap.attr.academic-address", String.class),
                config.getValue("sesame.ldap.attr.uai", String.class),
                config.getValue("sesame.ldap.attr.recovery-address", String.class),
                config.getValue("sesame.ldap.attr.mobile", String.class),
                config.getValue("sesame.ldap.attr.account-state", String.class),
                config.getValue("sesame.ldap.attr.password-changed", String.class),
                config.getValue("sesame.ldap.attr.numen", String.class));
        Groups groups = new Groups(
                config.getValue("sesame.ldap.groups-dn", String.class),
                config.getValue("sesame.ldap.group-member", String.class),
                config.getValue("sesame.ldap.group.agent", String.class),
                config.getValue("sesame.ldap.group.referent", String.class),
                Arrays.stream(config.getValue("sesame.ldap.new-entry-classes", String.class).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
        Lock lock = new Lock(config.getOptionalValue("sesame.ldap.lock.attribute", String.class).filter(s -> !s.isBlank()),
                config.getOptionalValue("sesame.ldap.lock.value", String.class).orElse(""));
        return new DirectorySettings(
                config.getValue("sesame.ldap.host", String.class),
                config.getValue("sesame.ldap.port", Integer.class),
                config.getValue("sesame.ldap.tls", Boolean.class),
                config.getOptionalValue("sesame.ldap.truststore", String.class).filter(s -> !s.isBlank()),
                config.getOptionalValue("sesame.ldap.truststore-password", String.class).orElse(""),
                config.getValue("sesame.ldap.bind-dn", String.class),
                config.getValue("sesame.ldap.bind-password", String.class),
                config.getValue("sesame.ldap.base-dn", String.class),
                config.getValue("sesame.ldap.people-dn", String.class),
                config.getValue("sesame.ldap.person-class", String.class),
                attributes,
                groups,
                lock,
                Duration.ofMillis(config.getValue("sesame.ldap.connect-timeout-ms", Long.class)),
                Duration.ofMillis(config.getValue("sesame.ldap.response-timeout-ms", Long.class)),
                config.getValue("sesame.ldap.pool-size", Integer.class));
    }

    /** Host and port, for status pages: never the credentials. */
    public String endpoint() {
        return (tls ? "ldaps://" : "ldap://") + host + ":" + port;
    }

    @Override
    public String toString() {
        return "DirectorySettings[" + endpoint() + ", bind " + bindDn + ", people " + peopleDn + "]";
    }
}
