package fr.sesame.secondfactor;

import fr.sesame.platform.Seal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authenticator secrets are kept encrypted (AES-256-GCM, {@code sesame.second-factor.key}), each
 * bound to its agent: whoever reads the database or a backup cannot compute anyone's codes.
 */
@ApplicationScoped
public class SecondFactorSeal {

    private Seal seal;

    @Inject
    @ConfigProperty(name = "sesame.second-factor.key")
    String encodedKey;

    private Seal seal() {
        if (seal == null) {
            seal = new Seal(encodedKey, "sesame.second-factor.key");
        }
        return seal;
    }

    String seal(String secret, String identifiant) {
        return seal().seal(secret, "second-factor|" + identifiant);
    }

    String open(String sealed, String identifiant) {
        return seal().open(sealed, "second-factor|" + identifiant);
    }
}
