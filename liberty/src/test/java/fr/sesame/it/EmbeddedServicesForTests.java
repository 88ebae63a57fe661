package fr.sesame.it;

import fr.sesame.dev.EmbeddedDirectory;
import fr.sesame.dev.EmbeddedMailServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Starts the demo directory (embedded, or OpenLDAP with {@code -Dsesame.it.directory=openldap}) and the
 * mail server once for the whole test run, on the ports the test server is configured with. Nothing is
 * saved: every run starts from the demo seed.
 */
public class EmbeddedServicesForTests implements LauncherSessionListener {

    private static TestDirectory directory;
    private static EmbeddedMailServer mail;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        // Only the integration tests (failsafe names the test server) need them.
        if (directory != null || System.getProperty("sesame.it.server") == null) {
            return;
        }
        try {
            directory = TestDirectory.isOpenLdap()
                    ? OpenLdapDirectory.start(ItSettings.HOST, ItSettings.ldapPort(),
                            Path.of(System.getProperty("sesame.it.openldap-dir", "target/openldap")),
                            Path.of(System.getProperty("sesame.it.openldap-sbin", "/usr/sbin")))
                    : embedded(EmbeddedDirectory.start(ItSettings.HOST, ItSettings.ldapPort(), null, Clock.systemUTC()));
            mail = EmbeddedMailServer.start(ItSettings.HOST, ItSettings.smtpPort(), ItSettings.imapPort(),
                    ItSettings.smtpsPort(), ItSettings.imapsPort());
        } catch (Exception e) {
            launcherSessionClosed(session);
            throw new IllegalStateException("Cannot start the embedded directory and mail server for the tests", e);
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (directory != null) {
            directory.close();
            directory = null;
        }
    }

    private static TestDirectory embedded(EmbeddedDirectory embedded) {
        return new TestDirectory() {
            @Override
            public void stopListening() {
                embedded.stopListening();
            }

            @Override
            public void startListening() throws Exception {
                embedded.startListening();
            }

            @Override
            public void close() {
                embedded.close();
            }
        };
    }

    public static TestDirectory directory() {
        return directory;
    }

    public static EmbeddedMailServer mail() {
        return mail;
    }
}
