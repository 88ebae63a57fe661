package fr.sesame.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AuditEventTest {

    private static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    @Test
    void cutsAHugeTypedIdentifiantToTheColumnSize() {
        AuditEvent event = new AuditEvent(NOW, AuditEventType.LOGIN_FAILED, "x".repeat(10_000), "127.0.0.1", null);

        assertThat(event.actor()).hasSize(AuditEvent.ACTOR_LENGTH);
    }

    @Test
    void dropsControlCharactersSoALogLineCannotBeForged() {
        AuditEvent event = new AuditEvent(NOW, AuditEventType.LOGIN_FAILED, "cmartin\r\nLOGIN_SUCCEEDED admin1", null, null);

        assertThat(event.actor()).doesNotContain("\r", "\n").startsWith("cmartin");
    }

    @Test
    void needsATimeAndAType() {
        assertThatNullPointerException().isThrownBy(() -> new AuditEvent(null, AuditEventType.LOGOUT, "a", null, null));
        assertThatNullPointerException().isThrownBy(() -> new AuditEvent(NOW, null, "a", null, null));
    }
}
