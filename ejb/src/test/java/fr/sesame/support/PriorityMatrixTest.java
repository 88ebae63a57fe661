package fr.sesame.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityMatrixTest {

    private final PriorityMatrix glpi = PriorityMatrix.parse(PriorityMatrix.GLPI_DEFAULT);

    @ParameterizedTest(name = "urgency {0} × impact {1} → {2}")
    @CsvSource({"1,1,1", "1,5,2", "3,3,3", "5,1,2", "5,3,4", "5,5,5", "4,4,4", "2,2,2"})
    void priorityFollowsGlpisMatrix(int urgency, int impact, int priority) {
        assertThat(glpi.priorityOf(urgency, impact)).isEqualTo(priority);
    }

    @Test
    void valuesOutsideTheScaleCountAsItsBounds() {
        assertThat(glpi.priorityOf(9, 9)).isEqualTo(5);
        assertThat(glpi.priorityOf(-1, 0)).isEqualTo(1);
    }

    @Test
    void anAcademieCanSetItsOwnMatrix() {
        PriorityMatrix flat = PriorityMatrix.parse("3,3,3,3,3; 3,3,3,3,3; 3,3,3,3,3; 3,3,3,3,3; 5,5,5,5,5");
        assertThat(flat.priorityOf(1, 5)).isEqualTo(3);
        assertThat(flat.priorityOf(5, 1)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,2,3", "1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1", "1,1,1,1,6;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1",
            "a,b,c,d,e;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1"})
    void aMalformedMatrixIsRefusedAtStart(String text) {
        assertThatThrownBy(() -> PriorityMatrix.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
