package fr.sesame.mail;

import fr.sesame.platform.Seal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bodies waiting in the outbox carry one-time codes and links: they are kept encrypted (AES-256-GCM
 * with the key {@code sesame.outbox.key}, 32 bytes in Base64) from the moment they are queued until
 * the courier hands them to the mail server, and erased then. Whoever reads the database, a backup or
 * a replica reads no code.  The recipient is bound to the body, so a body cannot be moved to the row of
 * another recipient.
 */
@ApplicationScoped
public class OutboxSeal {

    /** What a sealed body starts with: the format, so that the key can change one day. */
    static final String PREFIX = Seal.PREFIX;
    /** What the HTML's context starts with, so that a row's HTML never opens as its text or the reverse. */
    private static final String HTML_CONTEXT = "html:";

    private Seal seal;

    @Inject
    @ConfigProperty(name = "sesame.outbox.key")
    String encodedKey;

    public OutboxSeal() {
        // for CDI
    }

    OutboxSeal(String encodedKey) {
        this.encodedKey = encodedKey;
    }

    private Seal seal() {
        if (seal == null) {
            seal = new Seal(encodedKey, "sesame.outbox.key");
        }
        return seal;
    }

    /** The body as it is stored; {@code context} (the recipient) must be given again to open it. */
    public String seal(String body, String context) {
        return seal().seal(body, context);
    }

    /**
     * The HTML alternative as it is stored: sealed like the body, for the same recipient, and not
     * interchangeable with it.
     */
    public String sealHtml(String html, String recipient) {
        return seal().seal(html, HTML_CONTEXT + recipient);
    }

    /**
     * The HTML alternative to deliver.
     *
     * @throws IllegalStateException when it was altered, or sealed for another recipient or key
     */
    public String openHtml(String stored, String recipient) {
        return seal().open(stored, HTML_CONTEXT + recipient);
    }

    /**
     * The body to deliver. A body queued before bodies were sealed (no prefix) is returned as it is.
     *
     * @throws IllegalStateException when the body was altered, or sealed for another recipient or key
     */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        return seal().open(stored, context);
    }
}
