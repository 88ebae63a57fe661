package fr.sesame.it;

import java.net.URI;

/** Where the test server and its embedded services listen; set by failsafe from the pom's properties. */
public final class ItSettings {

    public static final String HOST = "127.0.0.1";
    /** The password of every active demo agent. */
    public static final String DEMO_PASSWORD = "Sesame-Demo-2026!";

    private ItSettings() {
    }

    public static int httpPort() {
        return Integer.getInteger("sesame.it.http-port", 9081);
    }

    public static int httpsPort() {
        return Integer.getInteger("sesame.it.https-port", 9444);
    }

    public static int ldapPort() {
        return Integer.getInteger("sesame.it.ldap-port", 11389);
    }

    public static int smtpPort() {
        return Integer.getInteger("sesame.it.smtp-port", 4025);
    }

    public static int smtpsPort() {
        return Integer.getInteger("sesame.it.smtps-port", 4465);
    }

    public static int imapsPort() {
        return Integer.getInteger("sesame.it.imaps-port", 4993);
    }

    public static int imapPort() {
        return Integer.getInteger("sesame.it.imap-port", 4143);
    }

    /** The application over HTTPS, for example {@code url("/compte")}. */
    public static URI url(String path) {
        return URI.create("https://localhost:" + httpsPort() + path);
    }

    public static URI httpUrl(String path) {
        return URI.create("http://localhost:" + httpPort() + path);
    }
}
