package fr.sesame.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLimitFilterTest {

    private static final long MAX = 64L * 1024 * 1024;

    @Test
    void onlyALargeMultipartPostIsTurnedAway() {
        assertThat(UploadLimitFilter.isTooLarge("POST", "multipart/form-data; boundary=x", MAX + 1, MAX)).isTrue();
        assertThat(UploadLimitFilter.isTooLarge("post", "Multipart/Form-Data; boundary=x", MAX + 1, MAX)).isTrue();
        assertThat(UploadLimitFilter.isTooLarge("POST", "multipart/form-data; boundary=x", MAX, MAX)).isFalse();
        assertThat(UploadLimitFilter.isTooLarge("POST", "multipart/form-data; boundary=x", -1, MAX)).isFalse();
        assertThat(UploadLimitFilter.isTooLarge("POST", "application/x-www-form-urlencoded", MAX + 1, MAX)).isFalse();
        assertThat(UploadLimitFilter.isTooLarge("GET", "multipart/form-data", MAX + 1, MAX)).isFalse();
        assertThat(UploadLimitFilter.isTooLarge("POST", null, MAX + 1, MAX)).isFalse();
    }
}
