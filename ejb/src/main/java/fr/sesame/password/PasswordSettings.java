package fr.sesame.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** The numbers of the password lifecycle, from configuration ({@code sesame.password.*}). */
@ApplicationScoped
public class PasswordSettings {

    @Inject
    @ConfigProperty(name = "sesame.password.max-age-days")
    int maxAgeDays;

    @Inject
    @ConfigProperty(name = "sesame.password.reminder-days")
    String reminderDays;

    @Inject
    @ConfigProperty(name = "sesame.password.history-size")
    int historySize;

    @Inject
    @ConfigProperty(name = "sesame.password.reset-validity-minutes")
    long resetValidityMinutes;

    @Inject
    @ConfigProperty(name = "sesame.password.sweep-time")
    String sweepTime;

    @Inject
    @ConfigProperty(name = "sesame.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sesame.hotline.phone")
    String hotlinePhone;

    @Inject
    @ConfigProperty(name = "sesame.hotline.email")
    String hotlineEmail;

    public PasswordSettings() {
        // for CDI
    }

    /** For tests outside the container. */
    public PasswordSettings(int maxAgeDays, String reminderDays, int historySize, long resetValidityMinutes) {
        this.maxAgeDays = maxAgeDays;
        this.reminderDays = reminderDays;
        this.historySize = historySize;
        this.resetValidityMinutes = resetValidityMinutes;
        this.sweepTime = "02:30";
        this.publicUrl = "https://localhost";
    }

    /** How long a password lasts: 180 days unless configured otherwise. */
    public Duration maxAge() {
        return Duration.ofDays(maxAgeDays);
    }

    /**
     * The reminder stages, in days before expiry, largest first ("30,7,1"). Values that are not
     * positive numbers, or not shorter than the password's life, are ignored.
     */
    public List<Integer> reminderStages() {
        return Arrays.stream(reminderDays.split(","))
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,4}"))
                .map(Integer::valueOf)
                .filter(days -> days > 0 && days < maxAgeDays)
                .distinct()
                .sorted((a, b) -> Integer.compare(b, a))
                .toList();
    }

    /** How many previous passwords may not be chosen again (at least one: the current one). */
    public int historySize() {
        return Math.max(1, historySize);
    }

    public Duration resetValidity() {
        return Duration.ofMinutes(resetValidityMinutes);
    }

    public long resetValidityMinutes() {
        return resetValidityMinutes;
    }

    /** When the nightly reminder sweep runs, in the académie's time zone ("02:30"). */
    public LocalTime sweepTime() {
        return LocalTime.parse(sweepTime.strip());
    }

    public String hotlinePhone() {
        return hotlinePhone;
    }

    public String hotlineEmail() {
        return hotlineEmail;
    }

    /** A page of Sésame as a link in an e-mail. */
    public String url(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
