package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarChartTest {

    @Test
    void theConfigurationIsChartJsJsonWithOneDatasetPerSeries() {
        String json = new BarChart(List.of("30/03", "06/04")).series("Ouvertes", List.of(3, 0))
                .series("Résolues", List.of(1L, 2L)).stacked().json();

        assertThat(json).startsWith("{\"type\":\"bar\",\"data\":{\"labels\":[\"30/03\",\"06/04\"],\"datasets\":[")
                .contains("{\"label\":\"Ouvertes\",\"data\":[3,0],", "{\"label\":\"Résolues\",\"data\":[1,2],",
                        "\"animation\":false", "\"legend\":{\"display\":true}", "\"x\":{\"stacked\":true}")
                .doesNotContain("\"max\":100");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void noLabelCanCloseTheScriptItIsWrittenIn() {
        String json = new BarChart(List.of("</script><script>alert(1)</script>", "\"quoted\" \\ & \u2028"))
                .series("a", List.of(1, 2)).percent().json();

        assertThat(json).doesNotContain("<", ">", "&", "\u2028")
                .contains("\\u003c/script\\u003e", "\\\"quoted\\\" \\\\ \\u0026 \\u2028", "\"max\":100");
    }

    @Test
    void eachSeriesHasOneValuePerLabel() {
        assertThatThrownBy(() -> new BarChart(List.of("a", "b")).series("x", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
