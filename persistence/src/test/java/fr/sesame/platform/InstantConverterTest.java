package fr.sesame.platform;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void writesUtcAndReadsTheSameMomentBack() {
        Instant moment = Instant.parse("2026-03-29T01:30:00Z"); // the night clocks change in Paris

        var stored = converter.convertToDatabaseColumn(moment);

        assertThat(stored.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(converter.convertToEntityAttribute(stored)).isEqualTo(moment);
    }

    @Test
    void keepsNullsNull() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }
}
