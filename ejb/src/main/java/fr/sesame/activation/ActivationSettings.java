package fr.sesame.activation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The numbers of the invitation and activation flow, from configuration. */
@ApplicationScoped
public class ActivationSettings {

    @Inject
    @ConfigProperty(name = "sesame.invitation.validity-days")
    long invitationValidityDays;

    @Inject
    @ConfigProperty(name = "sesame.activation.code-validity-minutes")
    long codeValidityMinutes;

    @Inject
    @ConfigProperty(name = "sesame.activation.code-max-tries")
    int codeMaxTries;

    @Inject
    @ConfigProperty(name = "sesame.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sesame.mail.domain")
    String mailDomain;

    public Duration invitationValidity() {
        return Duration.ofDays(invitationValidityDays);
    }

    public Duration codeValidity() {
        return Duration.ofMinutes(codeValidityMinutes);
    }

    /** How long after the code is verified the agent may still choose the password. */
    public Duration verifiedCodeValidity() {
        return Duration.ofMinutes(30);
    }

    public int codeMaxTries() {
        return codeMaxTries;
    }

    public long codeValidityMinutes() {
        return codeValidityMinutes;
    }

    /** A page of Sésame as a link in an e-mail, for example {@code url("/activation?jeton=…")}. */
    public String url(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    public String mailDomain() {
        return mailDomain;
    }

}
