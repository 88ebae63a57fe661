package fr.sesame.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCutoffTest {

    private static final Instant ADMITTED = Instant.parse("2026-12-02T07:00:00Z");
    private static final Instant CHANGED = ADMITTED.plusSeconds(600);

    @Test
    void aSessionAdmittedBeforeTheCutoffEndsUnlessItIsTheLoginThatMadeIt() {
        SessionCutoff cutoff = new SessionCutoff("cmartin", CHANGED, "login-a");

        assertThat(cutoff.keeps(ADMITTED, "login-a")).as("the login that changed the password").isTrue();
        assertThat(cutoff.keeps(ADMITTED, "login-b")).as("another device").isFalse();
        assertThat(cutoff.keeps(ADMITTED, null)).as("a session without a key").isFalse();
        assertThat(cutoff.keeps(CHANGED, "login-b")).as("admitted at the cutoff").isTrue();
        assertThat(cutoff.keeps(CHANGED.plusMillis(1), null)).as("admitted after it").isTrue();
    }

    @Test
    void aLaterCutoffKeepsOnlyItsOwnLogin() {
        SessionCutoff cutoff = new SessionCutoff("cmartin", CHANGED, "login-a");

        cutoff.endSessionsBefore(CHANGED.plusSeconds(60), null);

        // The login that changed the password counts from its change, which the lock comes after.
        assertThat(cutoff.keeps(CHANGED, "login-a")).isFalse();
        assertThat(cutoff.validAfter()).isEqualTo(CHANGED.plusSeconds(60));
    }

    @Test
    void anEarlierInstantNeverMovesTheCutoffBack() {
        SessionCutoff cutoff = new SessionCutoff("cmartin", CHANGED, null);

        cutoff.endSessionsBefore(ADMITTED, "login-b");

        assertThat(cutoff.validAfter()).isEqualTo(CHANGED);
        assertThat(cutoff.keeps(ADMITTED, "login-b")).isTrue();
        assertThat(cutoff.keeps(ADMITTED, "login-a")).isFalse();
    }
}
