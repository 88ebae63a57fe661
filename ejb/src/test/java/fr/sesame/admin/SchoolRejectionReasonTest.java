package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolRejectionReasonTest {

    @Test
    void eachReasonHasItsOwnBundleKeyApartFromTheHrFiles() {
        assertThat(SchoolRejectionReason.UAI_INVALID.bundleKey()).isEqualTo("import.school.reject.UAI_INVALID");
        assertThat(Arrays.stream(SchoolRejectionReason.values()).map(SchoolRejectionReason::bundleKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("import.school.reject."))
                .noneMatch(key -> Arrays.stream(RejectionReason.values()).map(RejectionReason::bundleKey).anyMatch(key::equals));
    }

    @Test
    void keysFitTheColumnTheImportReportStoresThemIn() {
        // import_rejection.reason is 60 characters long.
        assertThat(Arrays.stream(SchoolRejectionReason.values()).map(SchoolRejectionReason::bundleKey))
                .allMatch(key -> key.length() <= 60);
    }
}
