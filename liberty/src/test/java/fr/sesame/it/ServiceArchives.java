package fr.sesame.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test archives that deploy some of Sésame's services beside the application, with what every
 * service needs: the directory adapter, the outbox and its templates, the audit trail, the clock and
 * every entity of the persistence unit, and the application's role bindings (a test calls the services
 * as a given person, {@link CallerLogin}). Never a timer: the tests give each run its moment.
 */
public final class ServiceArchives {

    private ServiceArchives() {
    }

    /** The second factor's services (the login's admission asks about it), with the libraries they use. */
    public static WebArchive withSecondFactor(WebArchive archive) {
        return archive.addPackage(fr.sesame.secondfactor.SecondFactorService.class.getPackage())
                .addAsLibraries(DirectoryIT.jarOf(com.eatthepath.otp.TimeBasedOneTimePasswordGenerator.class),
                        DirectoryIT.jarOf(org.apache.commons.codec.binary.Base32.class));
    }

    public static WebArchive base(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addPackage(fr.sesame.directory.Directory.class.getPackage())
                .addClasses(fr.sesame.school.Uai.class, fr.sesame.school.School.class,
                        fr.sesame.mail.Outbox.class, fr.sesame.mail.SentMessage.class, fr.sesame.mail.OutboundMessage.class, fr.sesame.mail.MailTemplates.class,
                        fr.sesame.mail.MailText.class, fr.sesame.mail.SmsText.class, fr.sesame.mail.OutboxSeal.class,
                        fr.sesame.mail.MessageQueued.class, fr.sesame.mail.MessageChannel.class,
                        fr.sesame.mail.MessageStatus.class,
                        fr.sesame.security.AuditTrail.class, fr.sesame.security.AuditEvent.class, fr.sesame.security.AuditEventType.class,
                        fr.sesame.security.AuditRecorded.class,
                        fr.sesame.security.AuditChain.class, fr.sesame.security.AuditChain.Verification.class,
                        fr.sesame.security.AuditChain.Problem.class, fr.sesame.security.AuditQuery.class,
                        fr.sesame.security.AttemptCounter.class, fr.sesame.security.SessionCutoff.class, fr.sesame.security.Roles.class, fr.sesame.security.Callers.class,
                        fr.sesame.security.NotTheCallerException.class, fr.sesame.security.AttemptLimiter.class,
                        fr.sesame.security.AttemptLimiter.Guarded.class, fr.sesame.security.AttemptCounters.class,
                        fr.sesame.security.AttemptCounters.Limit.class, fr.sesame.security.TooManyAttemptsException.class,
                        fr.sesame.platform.ClockProducer.class, fr.sesame.platform.Seal.class,
                        fr.sesame.activation.RecoveryAddressChange.class, fr.sesame.departure.Departure.class, fr.sesame.secondfactor.SecondFactor.class,
                        fr.sesame.secondfactor.RecoveryCode.class,
                        fr.sesame.platform.InstantConverter.class, fr.sesame.platform.Folding.class,
                        fr.sesame.activation.Invitation.class, fr.sesame.activation.ActivationCode.class,
                        fr.sesame.admin.ImportRun.class, fr.sesame.admin.ImportKind.class, fr.sesame.admin.ImportRejection.class, fr.sesame.admin.ImportStatus.class,
                        fr.sesame.password.PasswordHistoryEntry.class, fr.sesame.password.PasswordReset.class,
                        fr.sesame.password.RotationReminder.class,
                        fr.sesame.support.Ticket.class, fr.sesame.support.Ticket.Request.class,
                        fr.sesame.support.TicketEvent.class, fr.sesame.support.TicketStatus.class,
                        fr.sesame.support.TicketCategory.class, fr.sesame.support.TicketEventType.class,
                        fr.sesame.support.SecurityReportKind.class, fr.sesame.support.HelpArticle.class,
                        fr.sesame.support.TicketAttachment.class, fr.sesame.support.AttachmentInfo.class,
                        TestAgents.class, ItSettings.class)
                // The templates' layout (package-private, named: with its records and its text factory).
                .addClass("fr.sesame.mail.MailLayout").addClass("fr.sesame.mail.MailParagraphs")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("fr/sesame/mail/i18n/mails_fr.properties")
                .addAsResource("fr/sesame/mail/i18n/mails_en.properties")
                .addAsResource("fr/sesame/mail/templates/layout.txt.mustache")
                .addAsResource("fr/sesame/mail/templates/layout.html.mustache")
                .addAsLibraries(DirectoryIT.jarOf(LDAPConnection.class), DirectoryIT.jarOf(Assertions.class),
                        DirectoryIT.jarOf(com.github.mustachejava.Mustache.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // The roles of Sésame's services mapped to the directory's groups, as for the application.
                .addAsManifestResource("it-application-bnd.xml", "ibm-application-bnd.xml");
    }
}
