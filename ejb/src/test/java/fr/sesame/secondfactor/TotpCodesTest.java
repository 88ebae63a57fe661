package fr.sesame.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: every time, every algorithm, eight digits. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfcTestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = TotpCodes.stepOf(Instant.ofEpochSecond(seconds));
        assertThat(new TotpCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1).codeAt(SHA1_SEED, step)).isEqualTo(sha1);
        assertThat(new TotpCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256).codeAt(SHA256_SEED, step)).isEqualTo(sha256);
        assertThat(new TotpCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512).codeAt(SHA512_SEED, step)).isEqualTo(sha512);
        // The six digits apps show are the same truncation, modulo a million.
        assertThat(new TotpCodes().codeAt(new Base32().encodeToString(SHA1_SEED), step)).isEqualTo(sha1.substring(2));
    }

    @Test
    void oneStepOfDriftEachWayIsAcceptedAndNoMore() {
        TotpCodes codes = new TotpCodes();
        String secret = TotpCodes.newSecret();
        Instant now = Instant.parse("2026-12-02T07:00:10Z");
        long step = TotpCodes.stepOf(now);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step), now, -1)).isEqualTo(step);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step - 1), now, -1)).isEqualTo(step - 1);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step + 1), now, -1)).isEqualTo(step + 1);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step - 2), now, -1)).isEqualTo(-1);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step + 2), now, -1)).isEqualTo(-1);
        assertThat(codes.matchingStep(secret, "12345", now, -1)).isEqualTo(-1);
    }

    @Test
    void aCodeOfAStepAlreadyUsedIsRefused() {
        TotpCodes codes = new TotpCodes();
        String secret = TotpCodes.newSecret();
        Instant now = Instant.parse("2026-12-02T07:00:10Z");
        long step = TotpCodes.stepOf(now);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step), now, step)).isEqualTo(-1);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step - 1), now, step - 1)).isEqualTo(-1);
        assertThat(codes.matchingStep(secret, codes.codeAt(secret, step + 1), now, step)).isEqualTo(step + 1);
    }

    @Test
    void theSecretIs160BitsAndTheUriIsWhatAppsRead() {
        String secret = TotpCodes.newSecret();
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(TotpCodes.uri("Académie d’Amiens", "claire.martin@ac-amiens.fr", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Acad%C3%A9mie%20d%E2%80%99Amiens:claire.martin%40ac-amiens.fr"
                        + "?secret=JBSWY3DPEHPK3PXP&issuer=Acad%C3%A9mie%20d%E2%80%99Amiens&algorithm=SHA1&digits=6&period=30");
    }
}
