package fr.sesame.device;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;

import static fr.sesame.device.ConnectionCheck.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a real IMAP/SMTP server (GreenMail, with TLS and password checks), as a mail client would. */
class ConnectionCheckTest {

    private static final String HOST = "127.0.0.1";
    private static final String LOGIN = "cmartin";
    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";
    private static GreenMail mail;
    private static final ConnectionCheck TRUSTING = new ConnectionCheck(Duration.ofSeconds(3), Set.of(HOST));
    private static final ConnectionCheck STRICT = new ConnectionCheck(Duration.ofSeconds(3), Set.of());

    private static Thread.UncaughtExceptionHandler previousHandler;

    @BeforeAll
    static void start() {
        // A client that drops the TLS handshake (the "untrusted certificate" case) makes GreenMail's
        // connection thread die with a stack trace: expected here, so kept out of the build's output.
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (thread.getName().startsWith("smtps:") || thread.getName().startsWith("imaps:")) {
                return;
            }
            if (previousHandler != null) {
                previousHandler.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        });
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAPS),
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTPS),
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser("claire.martin@ac-amiens.fr", LOGIN, PASSWORD);
    }

    @AfterAll
    static void stop() {
        mail.stop();
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    private static Endpoint imaps() {
        return new Endpoint(HOST, mail.getImaps().getPort(), Security.SSL_TLS);
    }

    private static Endpoint smtps() {
        return new Endpoint(HOST, mail.getSmtps().getPort(), Security.SSL_TLS);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theRightPasswordOpensBothServers() {
        assertThat(TRUSTING.imap(imaps(), LOGIN, PASSWORD)).isEqualTo(Outcome.OK);
        assertThat(TRUSTING.smtp(smtps(), LOGIN, PASSWORD)).isEqualTo(Outcome.OK);
    }

    @Test
    void aWrongPasswordIsSaidSo() {
        assertThat(TRUSTING.imap(imaps(), LOGIN, "Mauvais-Mot-De-Passe-9")).isEqualTo(Outcome.WRONG_PASSWORD);
        assertThat(TRUSTING.smtp(smtps(), LOGIN, "Mauvais-Mot-De-Passe-9")).isEqualTo(Outcome.WRONG_PASSWORD);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port = closedPort();
        assertThat(TRUSTING.imap(new Endpoint(HOST, port, Security.SSL_TLS), LOGIN, PASSWORD)).isEqualTo(Outcome.UNREACHABLE);
        assertThat(TRUSTING.smtp(new Endpoint(HOST, port, Security.SSL_TLS), LOGIN, PASSWORD)).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void tlsAgainstAPlainPortIsAMismatch() {
        Endpoint plainPortCalledTls = new Endpoint(HOST, mail.getImap().getPort(), Security.SSL_TLS);
        assertThat(TRUSTING.imap(plainPortCalledTls, LOGIN, PASSWORD)).isEqualTo(Outcome.TLS_MISMATCH);
    }

    @Test
    void anUntrustedCertificateIsACertificateProblem() {
        assertThat(STRICT.imap(imaps(), LOGIN, PASSWORD)).isEqualTo(Outcome.TLS_CERTIFICATE);
        assertThat(STRICT.smtp(smtps(), LOGIN, PASSWORD)).isEqualTo(Outcome.TLS_CERTIFICATE);
    }

    @Test
    void aNameThatDoesNotExistIsSaidSo() {
        assertThat(TRUSTING.imap(new Endpoint("imap.nexiste-pas.invalid", 993, Security.SSL_TLS), LOGIN, PASSWORD))
                .isEqualTo(Outcome.UNKNOWN_HOST);
    }

    @Test
    void failuresAreNamedFromTheirCause() {
        assertThat(ConnectionCheck.classify(new jakarta.mail.MessagingException("STARTTLS is required but host does not support STARTTLS")))
                .isEqualTo(Outcome.TLS_MISMATCH);
        assertThat(ConnectionCheck.classify(new jakarta.mail.MessagingException("Could not connect",
                new java.net.SocketTimeoutException("connect timed out")))).isEqualTo(Outcome.UNREACHABLE);
        assertThat(ConnectionCheck.classify(new jakarta.mail.MessagingException("Could not convert socket to TLS",
                new javax.net.ssl.SSLHandshakeException("No subject alternative names matching IP address 10.0.0.1 found"))))
                .isEqualTo(Outcome.TLS_CERTIFICATE);
        assertThat(ConnectionCheck.classify(new jakarta.mail.MessagingException("something else"))).isEqualTo(Outcome.FAILED);
    }
}
