package fr.sesame.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

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
    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeySpec key;

    @Inject
    @ConfigProperty(name = "sesame.outbox.key")
    String encodedKey;

    public OutboxSeal() {
        // for CDI
    }

    OutboxSeal(String encodedKey) {
        this.encodedKey = encodedKey;
    }

    private SecretKeySpec key() {
        if (key == null) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encodedKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sesame.outbox.key is not Base64", e);
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("sesame.outbox.key must hold 32 bytes (openssl rand -base64 32)");
            }
            key = new SecretKeySpec(bytes, "AES");
        }
        return key;
    }

    /** The body as it is stored; {@code context} (the recipient) must be given again to open it. */
    public String seal(String body, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
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
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A queued body does not open with this key and recipient", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
    }
}
