package fr.sesame.device;

import java.util.Locale;

/** How a mail client protects its connection to a server. */
public enum Security {
    /** TLS from the first byte (IMAP 993, SMTP 465): what the académie asks for. */
    SSL_TLS("SSL/TLS"),
    /** A plain connection upgraded by STARTTLS before the password is sent (SMTP 587). */
    STARTTLS("STARTTLS");

    private final String label;

    Security(String label) {
        this.label = label;
    }

    /** The words mail clients show: "SSL/TLS", "STARTTLS". */
    public String label() {
        return label;
    }

    /** Reads "SSL/TLS", "SSL", "TLS" or "STARTTLS", in any case. */
    public static Security parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "SSL/TLS", "SSL", "TLS", "SSL_TLS" -> SSL_TLS;
            case "STARTTLS" -> STARTTLS;
            default -> throw new IllegalArgumentException("SSL/TLS or STARTTLS, not: " + text);
        };
    }
}
