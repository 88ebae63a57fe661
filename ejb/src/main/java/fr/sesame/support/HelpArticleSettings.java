package fr.sesame.support;

import fr.sesame.activation.ActivationSettings;
import fr.sesame.device.DeviceSettings;
import fr.sesame.device.MailServers;
import fr.sesame.password.PasswordPolicy;
import fr.sesame.password.PasswordSettings;
import fr.sesame.security.AttemptLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings help articles name ({imap}, {reset.minutes}…), filled in from configuration when an
 * article is shown: the text never goes stale when a server or a limit changes. An unknown name is
 * left as written.
 */
@ApplicationScoped
public class HelpArticleSettings {

    private static final Pattern NAME = Pattern.compile("\\{([a-z.]+)}");

    @Inject
    DeviceSettings devices;

    @Inject
    ActivationSettings activation;

    @Inject
    PasswordSettings passwords;

    @Inject
    PasswordPolicy policy;

    @Inject
    AttemptLimiter limiter;

    /** The article's text with the settings filled in. */
    public String fill(String body) {
        MailServers servers = devices.servers();
        return fill(body, Map.of(
                "imap", servers.imap().host(),
                "imap.port", String.valueOf(servers.imap().port()),
                "smtp", servers.smtp().host(),
                "smtp.port", String.valueOf(servers.smtp().port()),
                "domain", servers.domain(),
                "invitation.days", String.valueOf(activation.invitationValidity().toDays()),
                "reset.minutes", String.valueOf(passwords.resetValidityMinutes()),
                "password.length", String.valueOf(policy.minimumLength()),
                "abuse.failures", String.valueOf(limiter.maxFailures()),
                "abuse.minutes", String.valueOf(limiter.lockMinutes())));
    }

    static String fill(String body, Map<String, String> values) {
        if (body == null) {
            return "";
        }
        Matcher name = NAME.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (name.find()) {
            name.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(name.group(1), name.group())));
        }
        return name.appendTail(filled).toString();
    }
}
