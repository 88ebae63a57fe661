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

    @Inject
    @ConfigProperty(name = "sesame.device.imap.host")
    String imapHost;

    @Inject
    @ConfigProperty(name = "sesame.device.imap.port")
    int imapPort;

    @Inject
    @ConfigProperty(name = "sesame.device.smtp.host")
    String smtpHost;

    @Inject
    @ConfigProperty(name = "sesame.device.smtp.port")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "sesame.device.security")
    String deviceSecurity;

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

    public String imapHost() {
        return imapHost;
    }

    public int imapPort() {
        return imapPort;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String deviceSecurity() {
        return deviceSecurity;
    }
}
