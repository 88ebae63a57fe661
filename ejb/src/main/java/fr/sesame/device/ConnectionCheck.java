package fr.sesame.device;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Tries what a mail client does: an IMAP login, an SMTP authentication, with short timeouts, and says
 * in one word what went wrong. The password is used for the attempt only: never stored, never logged
 * (Jakarta Mail's debug output stays off).
 */
public final class ConnectionCheck {

    /** What a connection attempt found; each has a French explanation ({@code devices.check.*}). */
    public enum Outcome {
        OK, UNKNOWN_HOST, UNREACHABLE, TLS_CERTIFICATE, TLS_MISMATCH, WRONG_PASSWORD, FAILED
    }

    private final Duration timeout;
    private final Set<String> trustedHosts;

    /**
     * @param trustedHosts hosts whose certificate is accepted without verification (test servers only;
     *                     empty in production, where the JVM's trust store decides)
     */
    public ConnectionCheck(Duration timeout, Set<String> trustedHosts) {
        this.timeout = timeout;
        this.trustedHosts = Set.copyOf(trustedHosts);
    }

    public Outcome imap(Endpoint endpoint, String login, String password) {
        Session session = Session.getInstance(properties("imap", endpoint));
        try (Store store = session.getStore("imap")) {
            store.connect(endpoint.host(), endpoint.port(), login, password);
            return Outcome.OK;
        } catch (MessagingException e) {
            return classify(e);
        } catch (RuntimeException e) {
            return Outcome.FAILED;
        }
    }

    public Outcome smtp(Endpoint endpoint, String login, String password) {
        Properties properties = properties("smtp", endpoint);
        properties.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(endpoint.host(), endpoint.port(), login, password);
            return Outcome.OK;
        } catch (MessagingException e) {
            return classify(e);
        } catch (RuntimeException e) {
            return Outcome.FAILED;
        }
    }

    private Properties properties(String protocol, Endpoint endpoint) {
        String prefix = "mail." + protocol + ".";
        String millis = String.valueOf(timeout.toMillis());
        Properties properties = new Properties();
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (endpoint.security() == Security.SSL_TLS) {
            properties.put(prefix + "ssl.enable", "true");
        } else {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (trustedHosts.contains(endpoint.host().toLowerCase(Locale.ROOT))) {
            properties.put(prefix + "ssl.trust", endpoint.host());
            properties.put(prefix + "ssl.checkserveridentity", "false");
        }
        return properties;
    }

    /** The first cause that tells something, from the outermost in. */
    static Outcome classify(Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            return Outcome.WRONG_PASSWORD;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return Outcome.UNKNOWN_HOST;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException) {
                return Outcome.UNREACHABLE;
            }
            if (cause instanceof CertificateException || cause instanceof java.security.cert.CertPathValidatorException
                    || (cause instanceof SSLHandshakeException && mentionsCertificate(cause))) {
                return Outcome.TLS_CERTIFICATE;
            }
            if (cause instanceof SSLException) {
                return Outcome.TLS_MISMATCH;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("starttls")) {
                return Outcome.TLS_MISMATCH;
            }
        }
        return Outcome.FAILED;
    }

    private static boolean mentionsCertificate(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("certif") || message.contains("pkix") || message.contains("subject alternative");
    }
}
