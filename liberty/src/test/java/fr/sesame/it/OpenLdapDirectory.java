package fr.sesame.it;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import fr.sesame.dev.EmbeddedDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The académie's kind of directory for the tests: Debian's OpenLDAP ({@code slapd}) with the ppolicy
 * overlay, in its own folder under {@code target/}, on a loopback port. It is prepared the way ops
 * prepare theirs: a bare cn=config, then Sésame's shipped files ({@code directory/openldap/*.ldif})
 * loaded over LDAP, then the demo académie added by the directory's manager.
 */
public final class OpenLdapDirectory implements TestDirectory {

    /** OpenLDAP's "Relax Rules" control: the manager may set what the directory keeps itself (pwdChangedTime). */
    public static final String RELAX_RULES_OID = "1.3.6.1.4.1.4203.666.5.12";

    private static final String CONFIG_DN = "cn=admin,cn=config";
    private static final String CONFIG_PASSWORD = "config-test-only";
    private static final List<String> SHIPPED_CONFIG = List.of(
            "/directory/openldap/sesame-schema.ldif",
            "/directory/openldap/sesame-ppolicy.ldif",
            "/directory/openldap/sesame-acl.ldif");
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final Path root;
    private final Path slapd;
    private Process process;

    private OpenLdapDirectory(String host, int port, Path root, Path slapd) {
        this.host = host;
        this.port = port;
        this.root = root;
        this.slapd = slapd;
    }

    /**
     * Creates the directory afresh in {@code root} (anything there, a slapd left running included, goes)
     * and starts it on {@code host:port} with the demo académie.
     */
    public static OpenLdapDirectory start(String host, int port, Path root, Path sbin) throws IOException, LDAPException {
        OpenLdapDirectory directory = new OpenLdapDirectory(host, port, root.toAbsolutePath(), sbin.resolve("slapd"));
        directory.killLeftOver();
        deleteTree(directory.root);
        Files.createDirectories(directory.root.resolve("slapd.d"));
        Files.createDirectories(directory.root.resolve("data"));

        Path base = directory.root.resolve("base-config.ldif");
        Files.writeString(base, resource("/openldap/base-config.ldif")
                .replace("@ROOT@", directory.root.toString())
                .replace("@CONFIG_PASSWORD@", CONFIG_PASSWORD)
                .replace("@MANAGER_DN@", EmbeddedDirectory.MANAGER_DN)
                .replace("@MANAGER_PASSWORD@", EmbeddedDirectory.MANAGER_PASSWORD));
        run(List.of(sbin.resolve("slapadd").toString(), "-n0", "-F", directory.root.resolve("slapd.d").toString(),
                "-l", base.toString()), directory.root.resolve("slapadd.log"));

        directory.startListening();
        try (LDAPConnection config = new LDAPConnection(host, port, CONFIG_DN, CONFIG_PASSWORD)) {
            for (String file : SHIPPED_CONFIG) {
                apply(config, file);
            }
        }
        try (LDAPConnection manager = new LDAPConnection(host, port, EmbeddedDirectory.MANAGER_DN,
                EmbeddedDirectory.MANAGER_PASSWORD)) {
            Control relax = new Control(RELAX_RULES_OID, true);
            apply(manager, EmbeddedDirectory.seed(Clock.systemUTC()), "demo académie", relax);
            apply(manager, "/directory/openldap/sesame-policy.ldif", relax);
            apply(manager, "/openldap/test-policies.ldif", relax);
        }
        return directory;
    }

    @Override
    public void stopListening() {
        // What a crash does: no goodbye to the clients. The data is safe in mdb.
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            waitFor(running);
            process = null;
        }
    }

    @Override
    public void startListening() throws IOException {
        Path log = root.resolve("slapd.log");
        process = new ProcessBuilder(slapd.toString(), "-F", root.resolve("slapd.d").toString(),
                "-h", "ldap://" + host + ":" + port + "/", "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // However the test JVM ends, its slapd ends with it: no directory left holding the port.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "slapd-stop"));
        Instant deadline = Instant.now().plus(START_WAIT);
        while (true) {
            try (LDAPConnection probe = new LDAPConnection(host, port)) {
                if (probe.getRootDSE() != null) {
                    return;
                }
            } catch (LDAPException e) {
                if (!process.isAlive()) {
                    throw new IOException("slapd stopped at once; see " + log + ":\n" + Files.readString(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("slapd does not answer on " + host + ":" + port + "; see " + log);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while slapd starts", e);
            }
        }
    }

    @Override
    public void close() {
        Process running = process;
        if (running != null) {
            running.destroy();
            try {
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                    waitFor(running);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** A slapd of an earlier run that was killed before it could stop its directory. */
    private void killLeftOver() throws IOException {
        Path pid = root.resolve("slapd.pid");
        if (Files.isRegularFile(pid)) {
            try {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(left -> {
                    if (left.info().command().map(command -> command.endsWith("slapd")).orElse(false)) {
                        left.destroyForcibly();
                        left.onExit().join();
                    }
                });
            } catch (NumberFormatException e) {
                // not a pid: nothing to stop
            }
        }
    }

    private static void apply(LDAPConnection connection, String resource, Control... controls) throws IOException, LDAPException {
        try (InputStream in = OpenLdapDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            apply(connection, in, resource, controls);
        }
    }

    /** Every record of the LDIF, as ldapmodify -a would apply it. */
    private static void apply(LDAPConnection connection, InputStream ldif, String name, Control... controls)
            throws IOException, LDAPException {
        try (LDIFReader reader = new LDIFReader(ldif)) {
            LDIFChangeRecord change;
            while ((change = reader.readChangeRecord(true)) != null) {
                try {
                    if (change instanceof com.unboundid.ldif.LDIFAddChangeRecord add) {
                        com.unboundid.ldap.sdk.AddRequest request = add.toAddRequest();
                        request.addControls(controls);
                        connection.add(request);
                    } else if (change instanceof com.unboundid.ldif.LDIFModifyChangeRecord modify) {
                        com.unboundid.ldap.sdk.ModifyRequest request = modify.toModifyRequest();
                        request.addControls(controls);
                        connection.modify(request);
                    } else {
                        change.processChange(connection, true);
                    }
                } catch (LDAPException e) {
                    throw new LDAPException(e.getResultCode(), name + ": " + change.getDN() + ": " + e.getMessage(), e);
                }
            }
        } catch (LDIFException e) {
            throw new IOException(name + " is not valid LDIF", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenLdapDirectory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int status = waitFor(tool);
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + status + "):\n" + Files.readString(log));
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + process, e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
