package fr.sesame.security;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTokensTest {

    @Test
    void linkTokensCarry256RandomBitsInAUrlSafeForm() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(SecretTokens.newLinkToken());
        }
        assertThat(tokens).hasSize(1000).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
    }

    @RepeatedTest(20)
    void codesHaveSixDigits() {
        assertThat(SecretTokens.newSixDigitCode()).matches("\\d{6}");
    }

    @Test
    void onlyTheHashIsKeptAndItComparesSafely() {
        String hash = SecretTokens.hash("secret");

        assertThat(hash).hasSize(64).doesNotContain("secret");
        assertThat(SecretTokens.sameHash(hash, SecretTokens.hash("secret"))).isTrue();
        assertThat(SecretTokens.sameHash(hash, SecretTokens.hash("Secret"))).isFalse();
        assertThat(SecretTokens.sameHash(hash, null)).isFalse();
    }
}
