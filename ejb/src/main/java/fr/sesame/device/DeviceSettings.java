package fr.sesame.device;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The académie's mail servers as devices reach them, from configuration ({@code sesame.device.*}). */
@ApplicationScoped
public class DeviceSettings {

    @Inject
    @ConfigProperty(name = "sesame.mail.domain")
    String domain;

    @Inject
    @ConfigProperty(name = "sesame.academie.name")
    String academieName;

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
    String imapSecurity;

    @Inject
    @ConfigProperty(name = "sesame.device.smtp.security")
    String smtpSecurity;

    /** "identifiant" or "address": what agents type as username in their mail client. */
    @Inject
    @ConfigProperty(name = "sesame.device.login")
    String login;

    @Inject
    @ConfigProperty(name = "sesame.device.check.timeout-seconds")
    int checkTimeoutSeconds;

    /** Hosts whose certificate the connection test accepts without checking it: test servers only. */
    @Inject
    @ConfigProperty(name = "sesame.device.check.trusted-hosts")
    java.util.Optional<String> trustedHosts;

    private MailServers servers;

    @PostConstruct
    void read() {
        String loginKind = login.strip().toLowerCase(Locale.ROOT);
        if (!loginKind.equals("identifiant") && !loginKind.equals("address")) {
            throw new IllegalArgumentException("sesame.device.login is identifiant or address, not: " + login);
        }
        servers = new MailServers(domain.strip(), academieName.strip(),
                new Endpoint(imapHost.strip(), imapPort, Security.parse(imapSecurity)),
                new Endpoint(smtpHost.strip(), smtpPort, Security.parse(smtpSecurity)),
                loginKind.equals("address"));
    }

    public MailServers servers() {
        return servers;
    }

    public Duration checkTimeout() {
        return Duration.ofSeconds(Math.max(1, checkTimeoutSeconds));
    }

    public Set<String> trustedHosts() {
        return Arrays.stream(trustedHosts.orElse("").split("[,\\s]+")).map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
