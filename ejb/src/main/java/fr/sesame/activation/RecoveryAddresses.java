package fr.sesame.activation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;
import java.util.Optional;

/** What makes a recovery address usable: a real personal address, outside the académie's own domain. */
public final class RecoveryAddresses {

    private static final int MAX_LENGTH = 254;

    private RecoveryAddresses() {
    }

    /** Any well-formed address, trimmed and lower-cased (a contact address may be academic). */
    public static Optional<String> wellFormed(String typed) {
        return usable(typed, null);
    }

    /** The address, trimmed and lower-cased, when usable. */
    public static Optional<String> usable(String typed, String academieDomain) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                return Optional.empty();
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        String domain = address.substring(address.indexOf('@') + 1);
        // The recovery address must still work when the academic mailbox does not.
        if (!domain.contains(".")
                || academieDomain != null && (domain.equals(academieDomain) || domain.endsWith("." + academieDomain))) {
            return Optional.empty();
        }
        return Optional.of(address);
    }
}
