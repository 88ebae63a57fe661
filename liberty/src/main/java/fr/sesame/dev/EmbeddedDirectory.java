package fr.sesame.dev;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.StaticUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real LDAP server holding the demo académie: seeded from {@code directory/demo-directory.ldif}
 * the first time, then saved to a state file after every change, so that an account activated
 * yesterday is still active today.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=ac-amiens,dc=fr";
    /**
     * The directory's administrator, as every real directory has one (OpenLDAP's rootdn): the demo's
     * and the tests' own changes (an entry with a password date) go through it. Demo secret.
     */
    public static final String MANAGER_DN = "cn=manager,dc=ac-amiens,dc=fr";
    public static final String MANAGER_PASSWORD = "manager-embedded-only";

    private static final Logger LOG = Logger.getLogger(EmbeddedDirectory.class.getName());
    private static final Pattern DAYS_AGO = Pattern.compile("\\{\\{daysAgo:(\\d+)}}");
    private static final Duration SAVE_DELAY = Duration.ofMillis(300);

    private final InMemoryDirectoryServer server;
    private final Path stateFile;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService saver;

    private EmbeddedDirectory(InMemoryDirectoryServer server, Path stateFile) {
        this.server = server;
        this.stateFile = stateFile;
        this.saver = stateFile == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-directory-saver");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the directory on {@code host:port}.
     *
     * @param stateFile where changes are kept between runs; null to keep nothing (tests)
     * @param clock the "today" against which demo password dates are set when seeding
     */
    public static EmbeddedDirectory start(String host, int port, Path stateFile, Clock clock)
            throws LDAPException, IOException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(schema());
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(host), port, null));
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(), sha256(), 8, true, true));
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        config.setEnforceAttributeSyntaxCompliance(true);
        config.setMaxSizeLimit(1000);
        // What a real académie directory indexes: without these, each search scans every entry.
        config.setEqualityIndexAttributes("uid", "mail", "employeeNumber");

        ChangeWatcher watcher = new ChangeWatcher();
        config.addInMemoryOperationInterceptor(watcher);
        LockAtBind locks = new LockAtBind();
        config.addInMemoryOperationInterceptor(locks);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        EmbeddedDirectory directory = new EmbeddedDirectory(server, stateFile);
        watcher.directory = directory;
        locks.server = server;

        if (stateFile != null && Files.isRegularFile(stateFile)) {
            server.importFromLDIF(true, new LDIFReader(stateFile.toFile()));
            LOG.info(() -> "Embedded directory restored from " + stateFile);
        } else {
            server.importFromLDIF(true, new LDIFReader(seed(clock)));
            LOG.info("Embedded directory seeded with the demo académie");
            if (stateFile != null) {
                directory.save();
            }
        }
        server.startListening();
        if (directory.saver != null) {
            directory.saver.scheduleWithFixedDelay(directory::saveIfChanged,
                    SAVE_DELAY.toMillis(), SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return directory;
    }

    /** The demo directory, with password dates set relative to {@code clock}'s today. */
    public static InputStream seed(Clock clock) throws IOException {
        String template;
        try (InputStream in = EmbeddedDirectory.class.getResourceAsStream("/directory/demo-directory.ldif")) {
            if (in == null) {
                throw new IOException("directory/demo-directory.ldif is missing from the classpath");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = DAYS_AGO.matcher(template);
        StringBuilder ldif = new StringBuilder();
        while (matcher.find()) {
            Date date = Date.from(clock.instant().minus(Duration.ofDays(Long.parseLong(matcher.group(1)))));
            matcher.appendReplacement(ldif, StaticUtils.encodeGeneralizedTime(date));
        }
        matcher.appendTail(ldif);
        return new ByteArrayInputStream(ldif.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Schema schema() throws LDAPException, IOException {
        try (InputStream in = EmbeddedDirectory.class.getResourceAsStream("/directory/sesame-schema.ldif")) {
            if (in == null) {
                throw new IOException("directory/sesame-schema.ldif is missing from the classpath");
            }
            Schema sesame = new Schema(new LDIFReader(in).readEntry());
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), sesame);
        } catch (LDIFException e) {
            throw new IOException("directory/sesame-schema.ldif is not valid LDIF", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    public int port() {
        return server.getListenPort();
    }

    /** Closes the listener and every open connection: clients see the directory go away. The data stays. */
    public void stopListening() {
        server.shutDown(true);
    }

    /** Opens the listener again on the same port. */
    public void startListening() throws LDAPException {
        server.startListening();
    }

    private void saveIfChanged() {
        if (dirty.getAndSet(false)) {
            try {
                save();
            } catch (RuntimeException e) {
                dirty.set(true);
                LOG.log(Level.WARNING, "Embedded directory not saved; will retry", e);
            }
        }
    }

    /** Writes the whole directory to the state file, atomically. */
    void save() {
        try {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            server.exportToLDIF(temporary.toString(), true, true);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot export the embedded directory", e);
        }
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.shutdownNow();
            save();
        }
        server.shutDown(true);
    }

    /**
     * What OpenLDAP's ppolicy does for every client of the directory, the mail servers included: an
     * entry with {@code pwdAccountLockedTime} cannot bind, whatever the password.
     */
    private static final class LockAtBind extends InMemoryOperationInterceptor {

        static final String LOCK = "pwdAccountLockedTime";
        private volatile InMemoryDirectoryServer server;

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            InMemoryDirectoryServer current = server;
            String dn = request.getRequest().getBindDN();
            if (current == null || dn == null || dn.isEmpty()) {
                return;
            }
            com.unboundid.ldap.sdk.Entry entry = current.getEntry(dn, LOCK);
            if (entry != null && entry.hasAttribute(LOCK)) {
                throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "Account locked");
            }
        }
    }

    /** Marks the directory as changed after every successful write. */
    private static final class ChangeWatcher extends InMemoryOperationInterceptor {

        private volatile EmbeddedDirectory directory;

        private void changed() {
            EmbeddedDirectory current = directory;
            if (current != null) {
                current.dirty.set(true);
            }
        }

        @Override
        public void processAddResult(InMemoryInterceptedAddResult result) {
            changed();
        }

        @Override
        public void processModifyResult(InMemoryInterceptedModifyResult result) {
            changed();
        }

        @Override
        public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
            changed();
        }

        @Override
        public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
            changed();
        }

        @Override
        public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
            changed();
        }
    }
}
