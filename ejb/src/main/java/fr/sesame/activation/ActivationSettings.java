package fr.sesame.activation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

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

    /** Days before the agent's start date their invitation leaves. */
    @Inject
    @ConfigProperty(name = "sesame.invitation.lead-days")
    int invitationLeadDays;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    /**
     * When the invitation of an agent starting on {@code startDate} leaves: {@code sesame.invitation.lead-days}
     * before that day begins in the académie, or {@code now} when that moment is past.
     */
    public Instant invitationSendAt(java.time.LocalDate startDate, Instant now) {
        Instant planned = startDate.minusDays(Math.max(0, invitationLeadDays))
                .atStartOfDay(java.time.ZoneId.of(timeZone)).toInstant();
        return planned.isAfter(now) ? planned : now;
    }

    /** The académie's time zone, in which its days begin. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

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
