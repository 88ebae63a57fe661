package fr.sesame.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneId;

/** The académie's settings that pages show: its name, the mail domain, how to reach the hotline. */
@Named("site")
@ApplicationScoped
public class Site {

    private static final java.time.format.DateTimeFormatter MOMENT = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final java.time.format.DateTimeFormatter SECOND = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Inject
    fr.sesame.support.SupportSettings supportSettings;

    @Inject
    @ConfigProperty(name = "sesame.academie.name")
    String academieName;

    @Inject
    @ConfigProperty(name = "sesame.mail.domain")
    String mailDomain;

    @Inject
    @ConfigProperty(name = "sesame.hotline.phone")
    String hotlinePhone;

    @Inject
    @ConfigProperty(name = "sesame.hotline.email")
    String hotlineEmail;

    @Inject
    @ConfigProperty(name = "sesame.hotline.hours")
    String hotlineHours;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    @Inject
    fr.sesame.device.DeviceSettings devices;

    public String getAcademieName() {
        return academieName;
    }

    public String getMailDomain() {
        return mailDomain;
    }

    public String getHotlinePhone() {
        return hotlinePhone;
    }

    /** The phone number as a {@code tel:} link: digits and a leading plus only. */
    public String getHotlinePhoneLink() {
        return "tel:" + hotlinePhone.replaceAll("[^0-9+]", "");
    }

    public String getHotlineEmail() {
        return hotlineEmail;
    }

    public String getHotlineHours() {
        return hotlineHours;
    }

    /** The incoming mail server agents set up on their devices. */
    public String getImapHost() {
        return devices.servers().imap().host();
    }

    /** The outgoing mail server agents set up on their devices. */
    public String getSmtpHost() {
        return devices.servers().smtp().host();
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    /** Files a requester may join to one ticket. */
    public int getAttachmentMaxCount() {
        return supportSettings.attachments().maxCount();
    }

    /** Largest file a requester may join, in whole megabytes (at least one). */
    public long getAttachmentMaxMegabytes() {
        return supportSettings.attachments().maxMegabytes();
    }

    /** A moment to the second, in the académie's time zone (the audit trail). */
    public String formatToTheSecond(java.time.Instant instant) {
        return instant == null ? "" : SECOND.format(instant.atZone(getZone()));
    }

    /** A moment as pages show it: "28/11/2026 07:05", in the académie's time zone. */
    public String format(java.time.Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(getZone()));
    }

    /** A day as pages show it: "30/06/2027". */
    public String format(java.time.LocalDate day) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu").format(day);
    }
}
