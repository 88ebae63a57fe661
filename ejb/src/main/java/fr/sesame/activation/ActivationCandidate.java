package fr.sesame.activation;

import java.io.Serializable;

/**
 * Who passed step 1, and where the code can go, masked (c***@laposte.net, 06 ** ** ** 12): the page
 * never holds the real recovery address before the code is verified.
 *
 * @param maskedEmail the masked recovery address, or null when there is none
 * @param maskedMobile the masked mobile number, or null when there is none
 */
public record ActivationCandidate(String identifiant, String displayName, String maskedEmail, String maskedMobile)
        implements Serializable {

    public boolean hasEmail() {
        return maskedEmail != null;
    }

    public boolean hasMobile() {
        return maskedMobile != null;
    }
}
