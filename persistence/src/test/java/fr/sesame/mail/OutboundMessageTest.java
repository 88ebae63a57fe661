package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboundMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    @Test
    void aNewMessageIsQueuedAndDueAtOnce() {
        OutboundMessage message = OutboundMessage.email("lucie@example.org", "code", "Sujet", "Corps", "lbernard", NOW);

        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.isDue(NOW)).isTrue();
    }

    @Test
    void onlyBulkMessagesWaitBehindTheOthers() {
        assertThat(OutboundMessage.bulkEmail("lucie@example.org", "code", "Rappel", "Corps", "lbernard", NOW).isBulk()).isTrue();
        assertThat(OutboundMessage.email("lucie@example.org", "code", "Code", "Corps", "lbernard", NOW).isBulk()).isFalse();
        assertThat(OutboundMessage.sms("+33612345678", "code", "Code 123456", "lbernard", NOW).isBulk()).isFalse();
    }

    @Test
    void aClaimedMessageIsNotDueForAnotherCourierUntilItsLeaseEnds() {
        OutboundMessage message = OutboundMessage.sms("+33612345678", "code", "Code 123456", "lbernard", NOW);

        message.claim(NOW, Duration.ofMinutes(2));

        assertThat(message.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.isDue(NOW.plusSeconds(60))).isFalse();
        assertThat(message.isDue(NOW.plusSeconds(121))).as("its courier died").isTrue();
        assertThatIllegalStateException().isThrownBy(() -> message.claim(NOW.plusSeconds(60), Duration.ofMinutes(2)));
    }

    @Test
    void onceDeliveredTheBodyIsGone() {
        OutboundMessage message = OutboundMessage.email("lucie@example.org", "code", "Votre code", "Code : 123456", "lbernard", NOW);
        message.claim(NOW, Duration.ofMinutes(2));

        message.delivered(NOW.plusSeconds(1), "sesame-a");

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.body()).isNull();
        assertThat(message.subject()).isEqualTo("Votre code");
    }

    @Test
    void aFailedAttemptIsRetriedLaterHoweverManyThereWere() {
        OutboundMessage message = OutboundMessage.email("lucie@example.org", "invitation", "Sujet", "Corps", "lbernard", NOW);
        message.claim(NOW, Duration.ofMinutes(2));

        message.attemptFailed("MailConnectException: Connection refused", NOW, Duration.ofSeconds(30));

        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.isDue(NOW.plusSeconds(29))).isFalse();
        assertThat(message.isDue(NOW.plusSeconds(30))).isTrue();
        assertThat(message.lastError()).contains("Connection refused");

        // A weekend without the relay: still waiting, body kept.
        Instant later = NOW;
        for (int attempt = 0; attempt < 100; attempt++) {
            later = later.plus(Duration.ofHours(1));
            message.claim(later, Duration.ofMinutes(2));
            message.attemptFailed("again", later, Duration.ofHours(1));
        }
        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.attempts()).isEqualTo(101);
        assertThat(message.body()).isEqualTo("Corps");
        assertThat(message.isUseless(later)).isFalse();
    }

    @Test
    void aRecipientRefusedForGoodEndsTheMessage() {
        OutboundMessage message = OutboundMessage.email("nobody@example.org", "invitation", "Sujet", "Corps", "lbernard", NOW);
        message.claim(NOW, Duration.ofMinutes(2));

        message.refused("SendFailedException: 550 5.1.1 unknown user");

        assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.body()).isNull();
        assertThat(message.lastError()).contains("550");
        assertThat(message.isDue(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aCodeNotDeliveredWhileValidIsDropped() {
        OutboundMessage code = OutboundMessage.email("lucie@example.org", "code", "Votre code", "123456", "lbernard", NOW)
                .usefulUntil(NOW.plus(Duration.ofMinutes(15)));

        assertThat(code.isUseless(NOW.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(code.isUseless(NOW.plus(Duration.ofMinutes(16)))).isTrue();
        code.expired();

        assertThat(code.status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(code.body()).isNull();
        assertThat(code.isDue(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aDeliveredMessageDoesNotExpire() {
        OutboundMessage code = OutboundMessage.email("lucie@example.org", "code", "Votre code", "123456", "lbernard", NOW)
                .usefulUntil(NOW.plus(Duration.ofMinutes(15)));
        code.claim(NOW, Duration.ofMinutes(2));
        code.delivered(NOW, "sesame-a");

        assertThatIllegalStateException().isThrownBy(code::expired);
        assertThat(code.status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aMessageNeedsARecipientAndABodyOfReasonableSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundMessage.email(" ", "code", "s", "b", null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundMessage.email("a@b.fr", "code", "s", " ", null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundMessage.email("a@b.fr", " ", "s", "b", null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundMessage.email("a@b.fr", "code", "s", "x".repeat(OutboundMessage.STORED_BODY_LENGTH + 1), null, NOW));
    }

    @Test
    void anEmailKeepsItsHtmlBesideItsTextUntilItLeaves() {
        OutboundMessage sent = OutboundMessage.email("lucie@example.org", "password-reset", "Sujet", "Corps", "lbernard", NOW)
                .withHtml("<p>Corps</p>");
        OutboundMessage refused = OutboundMessage.email("nobody@example.org", "invitation", "Sujet", "Corps", "x", NOW)
                .withHtml("<p>Corps</p>");
        OutboundMessage dropped = OutboundMessage.email("lucie@example.org", "code", "Code", "123456", "lbernard", NOW)
                .withHtml("<p>123456</p>");
        assertThat(sent.htmlBody()).contains("<p>Corps</p>");
        assertThat(OutboundMessage.email("a@b.fr", "code", "s", "b", null, NOW).htmlBody()).as("queued before HTML").isEmpty();

        sent.claim(NOW, Duration.ofMinutes(2));
        sent.delivered(NOW, "sesame-a");
        refused.claim(NOW, Duration.ofMinutes(2));
        refused.refused("550 unknown user");
        dropped.expired();

        assertThat(sent.htmlBody()).isEmpty();
        assertThat(refused.htmlBody()).isEmpty();
        assertThat(dropped.htmlBody()).isEmpty();
    }

    @Test
    void onlyAnEmailHasAnHtmlBodyOfReasonableSize() {
        assertThatIllegalStateException().isThrownBy(() ->
                OutboundMessage.sms("+33612345678", "code", "Code 123456", "lbernard", NOW).withHtml("<p>Code</p>"));
        assertThatIllegalArgumentException().isThrownBy(() ->
                OutboundMessage.email("a@b.fr", "code", "s", "b", null, NOW).withHtml(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundMessage.email("a@b.fr", "code", "s", "b", null, NOW)
                .withHtml("x".repeat(OutboundMessage.STORED_HTML_LENGTH + 1)));
    }
}
