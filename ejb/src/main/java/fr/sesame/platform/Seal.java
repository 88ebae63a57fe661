package fr.sesame.platform;

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
 * Text kept encrypted in the database (AES-256-GCM, a key of 32 bytes in Base64 from configuration),
 * bound to a context given again to open it: a sealed value moved to another row does not open.
 */
public final class Seal {

    /** What a sealed value starts with: the format, so that the key can change one day. */
    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * @param setting the setting the key comes from, named when it is unusable
     * @throws IllegalStateException when the key is not 32 bytes in Base64
     */
    public Seal(String encodedKey, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encodedKey == null ? "" : encodedKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must hold 32 bytes (openssl rand -base64 32)");
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String text, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was altered, or sealed for another context or key
     */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A sealed value does not open with this key and context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
    }
}
