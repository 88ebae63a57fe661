package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonTest {

    @Test
    void eachReasonHasItsOwnBundleKey() {
        assertThat(RejectionReason.NUMEN_INVALID.bundleKey()).isEqualTo("import.reject.NUMEN_INVALID");
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::bundleKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("import.reject."));
    }

    @Test
    void keysFitTheColumnTheImportReportStoresThemIn() {
        // import_rejection.reason is 60 characters long.
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::bundleKey))
                .allMatch(key -> key.length() <= 60);
    }
}
