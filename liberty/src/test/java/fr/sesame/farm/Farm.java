package fr.sesame.farm;

import fr.sesame.it.ItSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two farm members made from the production package ({@code target/production}) as ops would make
 * them: the same EAR, the same {@code server.xml} and {@code sesame.xml}, one PostgreSQL database, the
 * same LTPA keys (one Liberty installation's shared folder), sessions kept in the database; only each
 * member's environment ({@code server.env}) differs. The directory and the mail server are the test
 * JVM's embedded ones. Tests reach the members the way the world does: HTTP(S), SQL, LDAP, IMAP, and
 * {@code kill -9}.
 */
public final class Farm {

    /** The farm's database in the build's PostgreSQL cluster, made afresh for each run. */
    static final String DATABASE = "sesame_farm";
    private static final String DB_USER = "sesame";
    private static final String DB_PASSWORD = "sesame-embedded-only";
    private static final String TLS_PASSWORD = "sesame-farm-test-only";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private static Farm started;

    private final Path wlp = Path.of(System.getProperty("sesame.it.wlp-home"));
    private final Path production = Path.of(System.getProperty("sesame.it.production-dir"));
    private final Path work = Path.of(System.getProperty("sesame.it.farm-dir"));
    private final int postgresqlPort = Integer.getInteger("sesame.it.postgresql-port");
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** Variables a test set for both members on top of the usual ones (a sweep time). */
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Path keystore;

    /** A member: its Liberty server's name and its ports. */
    public record Member(String name, int httpPort, int httpsPort) {

        public URI url(String path) {
            return URI.create("https://localhost:" + httpsPort + path);
        }
    }

    private Farm() {
        // Ports from the build (liberty/pom.xml, it.farm.*), beside the other test servers'.
        members.put("a", new Member("sesame-farm-a", Integer.getInteger("sesame.it.farm.a-http-port"),
                Integer.getInteger("sesame.it.farm.a-https-port")));
        members.put("b", new Member("sesame-farm-b", Integer.getInteger("sesame.it.farm.b-http-port"),
                Integer.getInteger("sesame.it.farm.b-https-port")));
    }

    /** The farm, both members running (made and started on first use, stopped when the JVM ends). */
    public static synchronized Farm running() {
        if (started == null) {
            Farm farm = new Farm();
            farm.prepare();
            Runtime.getRuntime().addShutdownHook(new Thread(farm::stopAll, "farm-stop"));
            started = farm;
        }
        started.members.values().forEach(started::ensureRunning);
        return started;
    }

    public Member a() {
        return members.get("a");
    }

    public Member b() {
        return members.get("b");
    }

    public List<Member> members() {
        return new ArrayList<>(members.values());
    }

    /** The JDBC URL of the farm's database, which the tests read like any SQL client. */
    public String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresqlPort + "/" + DATABASE;
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), DB_USER, DB_PASSWORD);
    }

    /** The single number a {@code select count(*)} gives, with these parameters. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** An établissement in the référentiel, as ops load it (production ships none). */
    public void ensureSchool(String uai, String name, String city) throws SQLException {
        try (Connection connection = database();
             java.sql.PreparedStatement insert = connection.prepareStatement(
                     "insert into school (uai, name, city) values (?, ?, ?) on conflict (uai) do nothing")) {
            insert.setString(1, uai);
            insert.setString(2, name);
            insert.setString(3, city);
            insert.executeUpdate();
        }
    }

    private void prepare() {
        try {
            // A farm left running by an interrupted run.
            members.values().forEach(this::kill);
            freshDatabase();
            Files.createDirectories(work);
            keystore = work.resolve("tls.p12");
            Files.deleteIfExists(keystore);
            run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", TLS_PASSWORD,
                    "-alias", "default", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1"));
            // One installation, so one shared folder: both members read the same LTPA keys file.
            Path sharedConfig = wlp.resolve("usr/shared/config/sesame");
            Files.createDirectories(sharedConfig);
            Files.deleteIfExists(sharedConfig.resolve("ltpa.keys"));
            copyTree(production.resolve("shared/resources/jdbc"), wlp.resolve("usr/shared/resources/jdbc"));
            for (Member member : members.values()) {
                Path server = wlp.resolve("usr/servers").resolve(member.name());
                deleteTree(server);
                run(List.of(wlp.resolve("bin/server").toString(), "create", member.name()));
                copyTree(production.resolve("server"), server);
                copyTree(production.resolve("apps"), server.resolve("apps"));
                writeEnvironment(member);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot prepare the farm in " + work, e);
        }
    }

    private void writeEnvironment(Member member) throws IOException {
        Files.writeString(wlp.resolve("usr/servers").resolve(member.name()).resolve("server.env"), environment(member),
                StandardCharsets.UTF_8);
    }

    /**
     * Stops both members, sets these variables in both environments, and starts them again one after
     * the other (as ops restart a farm: no two members start at the same instant).
     */
    public void restartWith(Map<String, String> variables) {
        members.values().forEach(this::stop);
        overrides.putAll(variables);
        try {
            for (Member member : members.values()) {
                writeEnvironment(member);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the members' environment", e);
        }
        members.values().forEach(this::ensureRunning);
    }

    /** What ops write in each member's server.env: the production variables, with the test's parts. */
    private String environment(Member member) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SESAME_HTTP_PORT", String.valueOf(member.httpPort()));
        env.put("SESAME_HTTPS_PORT", String.valueOf(member.httpsPort()));
        env.put("SESAME_PUBLIC_URL", "https://localhost:" + member.httpsPort());
        env.put("SESAME_DB_HOST", "127.0.0.1");
        env.put("SESAME_DB_PORT", String.valueOf(postgresqlPort));
        env.put("SESAME_DB_NAME", DATABASE);
        env.put("SESAME_DB_USER", DB_USER);
        env.put("SESAME_DB_PASSWORD", DB_PASSWORD);
        // The test cluster listens on loopback without TLS.
        env.put("SESAME_DB_SSLMODE", "disable");
        env.put("SESAME_LDAP_HOST", ItSettings.HOST);
        env.put("SESAME_LDAP_PORT", String.valueOf(ItSettings.ldapPort()));
        env.put("SESAME_LDAP_TLS", "false");
        env.put("SESAME_LDAP_BIND_DN", "uid=sesame,ou=services,dc=ac-amiens,dc=fr");
        env.put("SESAME_LDAP_BIND_PASSWORD", "sesame-embedded-only");
        env.put("SESAME_SMTP_HOST", ItSettings.HOST);
        env.put("SESAME_SMTP_PORT", String.valueOf(ItSettings.smtpPort()));
        env.put("SESAME_SMTP_AUTH", "false");
        env.put("SESAME_SMTP_STARTTLS", "false");
        env.put("SESAME_SMTP_PASSWORD", "unused");
        env.put("SESAME_TLS_KEYSTORE", keystore.toString());
        env.put("SESAME_TLS_KEYSTORE_PASSWORD", TLS_PASSWORD);
        env.put("SESAME_TLS_TRUSTSTORE", keystore.toString());
        env.put("SESAME_TLS_TRUSTSTORE_PASSWORD", TLS_PASSWORD);
        env.put("SESAME_LTPA_KEYS_PASSWORD", "sesame-farm-test-only");
        env.put("SESAME_OUTBOX_KEY", "I0p9faOiD3r0/IXLT7swlCw8Pz4ohY5KUqYOH88+jL0=");
        env.put("SESAME_SECOND_FACTOR_KEY", "q3R1bmRpc2F0LWVtYmVkZGVkLW9ubHktMmZhLWtleSE=");
        env.put("SESAME_CHALLENGE_KEY", "sesame-farm-test-only-challenge-key");
        // The tests' client is the "load balancer": it names each visitor's address.
        env.put("SESAME_HTTP_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        env.put("SESAME_LOGIN_FAILURE_DELAY_MAX", "0s");
        env.put("SESAME_OUTBOX_RETRY_BASE_SECONDS", "2");
        env.put("SESAME_HEALTH_CACHE_SECONDS", "1");
        env.put("SESAME_CHALLENGE_WAIT_SECONDS", "2");
        // A timer whose member died is taken over after this, looked for this often (both the shortest Liberty allows).
        env.put("SESAME_TIMERS_MISSED_TASK_THRESHOLD", "100s");
        env.put("SESAME_TIMERS_POLL_INTERVAL", "100s");
        env.putAll(overrides);
        StringBuilder text = new StringBuilder("# Farm member " + member.name() + " (tests): only this file differs.\n");
        env.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private void freshDatabase() throws SQLException {
        String cluster = "jdbc:postgresql://127.0.0.1:" + postgresqlPort + "/sesame";
        try (Connection connection = DriverManager.getConnection(cluster, DB_USER, DB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }

    /** Starts the member unless it answers already, and waits until it is ready. */
    public void ensureRunning(Member member) {
        if (isReady(member)) {
            return;
        }
        try {
            // "server start" answers non-zero when the member runs already: the readiness check below decides.
            run(List.of(wlp.resolve("bin/server").toString(), "start", member.name()), false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + member.name(), e);
        }
        awaitReady(member);
    }

    public void awaitReady(Member member) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (isReady(member)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(member.name() + " not ready after " + START_TIMEOUT + "; see "
                + wlp.resolve("usr/servers").resolve(member.name()).resolve("logs/messages.log"));
    }

    /** Whether the member answers its readiness check with UP (what the load balancer asks). */
    public boolean isReady(Member member) {
        try {
            HttpResponse<String> ready = FarmVisitor.plainClient().send(HttpRequest.newBuilder(member.url("/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return ready.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A stop as ops do it: the member finishes what it does and leaves. */
    public void stop(Member member) {
        try {
            // Non-zero when it was not running: stopped either way.
            run(List.of(wlp.resolve("bin/server").toString(), "stop", member.name()), false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stop " + member.name(), e);
        }
    }

    /** The member's process dies at once ({@code kill -9}): nothing of it finishes. */
    public void kill(Member member) {
        pid(member).ifPresent(pid -> {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        });
    }

    private java.util.Optional<Long> pid(Member member) {
        Path file = wlp.resolve("usr/servers/.pid").resolve(member.name() + ".pid");
        try {
            return Files.exists(file) ? java.util.Optional.of(Long.parseLong(Files.readString(file).strip()))
                    : java.util.Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void stopAll() {
        members.values().forEach(member -> {
            try {
                stop(member);
            } catch (RuntimeException e) {
                kill(member);
            }
        });
    }

    /** The member by its Liberty server's name. */
    public Member member(String serverName) {
        return members.values().stream().filter(member -> member.name().equals(serverName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No member " + serverName));
    }

    public Path messagesLog(Member member) {
        return wlp.resolve("usr/servers").resolve(member.name()).resolve("logs/messages.log");
    }

    private static void run(List<String> command) throws IOException {
        run(command, true);
    }

    private static void run(List<String> command, boolean mustSucceed) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IOException("Exit " + process.exitValue() + " of " + command + ":\n" + output);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
