package fr.sesame.dev;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded run's directory and mail server and keeps them up until stopped (Ctrl-C).
 * Ports and the state file come from system properties, with the defaults server.xml expects.
 */
public final class DevServices {

    private DevServices() {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("sesame.dev.host", "127.0.0.1");
        int ldapPort = Integer.getInteger("sesame.dev.ldap-port", 10389);
        int smtpPort = Integer.getInteger("sesame.dev.smtp-port", 3025);
        int imapPort = Integer.getInteger("sesame.dev.imap-port", 3143);
        int smtpsPort = Integer.getInteger("sesame.dev.smtps-port", 3465);
        int imapsPort = Integer.getInteger("sesame.dev.imaps-port", 3993);
        Path state = Path.of(System.getProperty("sesame.dev.directory-state", "target/embedded/directory.ldif"));

        EmbeddedDirectory directory = EmbeddedDirectory.start(host, ldapPort, state, Clock.systemUTC());
        EmbeddedMailServer mail = EmbeddedMailServer.start(host, smtpPort, imapPort, smtpsPort, imapsPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.close();
            directory.close();
            stopped.countDown();
        }, "dev-services-stop"));
        System.out.printf("Sésame dev services ready: ldap://%s:%d (state in %s), smtp://%s:%d, imap://%s:%d,"
                        + " smtps://%s:%d, imaps://%s:%d%n", host, ldapPort, state.toAbsolutePath(), host, smtpPort, host, imapPort,
                host, smtpsPort, host, imapsPort);
        stopped.await();
    }
}
