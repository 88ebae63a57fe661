package fr.sesame.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleSelectionTest {

    @Test
    void offersFrenchAndEnglish() {
        assertThat(LocaleSelection.supported("fr")).contains(Locale.FRENCH);
        assertThat(LocaleSelection.supported("en")).contains(Locale.ENGLISH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"de", "EN", "en-US", "fr;drop table", "<script>"})
    void ignoresAnythingElse(String asked) {
        assertThat(LocaleSelection.supported(asked)).isEmpty();
    }

    @Test
    void speaksFrenchUntilAskedOtherwise() {
        LocaleSelection selection = new LocaleSelection();

        assertThat(selection.getCurrent()).isEqualTo(Locale.FRENCH);
        assertThat(selection.getOther()).isEqualTo("en");
    }

    @Test
    void theSwitchLeadsToThePageInTheOtherLanguage() {
        assertThat(LocaleSelection.switchUrl("", null, "/compte/demandes", "en")).isEqualTo("/compte/demandes?lang=en");
        assertThat(LocaleSelection.switchUrl("", "/aide", "/erreur/404.xhtml", "fr")).isEqualTo("/aide?lang=fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "/\\evil.example/", "//evil.example", "/%2f%2fevil.example/",
            "/compte;jsessionid=x", "/a/../../b", "/compte.xhtml"})
    void anAddressWrittenOtherwiseSwitchesToTheHomePageNeverOffSite(String uri) {
        String url = LocaleSelection.switchUrl("", uri, "/erreur/404.xhtml", "en");

        assertThat(url).isEqualTo("/?lang=en");
    }
}
