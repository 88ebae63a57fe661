package fr.sesame.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryAddressesTest {

    @Test
    void aPersonalAddressIsKeptTrimmedAndLowerCased() {
        assertThat(RecoveryAddresses.usable("  Claire.Martin@LaPoste.net ", "ac-amiens.fr")).contains("claire.martin@laposte.net");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"claire.martin@ac-amiens.fr", "claire@mail.ac-amiens.fr", "claire", "claire@localhost",
            "Claire <claire@laposte.net>", "a@b@c.fr", "claire@laposte.net, pirate@evil.example", "*)(mail=*@x.fr"})
    void anythingElseIsRefused(String typed) {
        assertThat(RecoveryAddresses.usable(typed, "ac-amiens.fr")).isEmpty();
    }

    @Test
    void aTenThousandCharacterAddressIsRefused() {
        assertThat(RecoveryAddresses.usable("a".repeat(10_000) + "@laposte.net", "ac-amiens.fr")).isEmpty();
    }
}
