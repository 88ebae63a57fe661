package fr.sesame.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalAddressFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/compte", "/compte/mot-de-passe", "/hotline/verrous", "/admin/import/rapport",
            "/.well-known/autoconfig/mail/config-v1.1.xml", "/Autodiscover/Autodiscover.xml", "/aide/",
            "/jakarta.faces.resource/css/sesame.css.xhtml", "/faces/jakarta.faces.resource/primeicons/primeicons.woff2"})
    void theAddressesSesameWritesPass(String path) {
        assertThat(CanonicalAddressFilter.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/compte.xhtml", "/hotline/courriels.xhtml", "/compte;jsessionid=abc", "/compte;x",
            "//compte", "/hotline//verrous", "/%2e/compte", "/compte%2exhtml", "/%2Fcompte", "/./compte", "/compte/.",
            "/jakarta.faces.resource/../compte", "/jakarta.faces.resource/..;/compte", "/compte.", "/admin.",
            "/compte\\\\", "/c%C3%A9", "/compte/ ", "/compte?x", "compte", "/faces/compte", "/faces", "/faces/",
            "/faces/compte.xhtml", "/faces/jakarta.faces.resource/../compte"})
    void anyOtherSpellingIsRefused(String path) {
        assertThat(CanonicalAddressFilter.isCanonical(path)).isFalse();
    }
}
