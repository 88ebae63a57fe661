package fr.sesame.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language of the page: French unless the person chose English with the switch in the header.
 * The choice is kept in a cookie, so that no session is opened just for it.
 */
@Named("locale")
@RequestScoped
public class LocaleSelection {

    static final String PARAMETER = "lang";
    static final String COOKIE = "sesame_lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale current = Locale.FRENCH;

    @PostConstruct
    void choose() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        Optional<Locale> asked = supported(external.getRequestParameterMap().get(PARAMETER));
        if (asked.isPresent()) {
            current = asked.get();
            external.addResponseCookie(COOKIE, current.getLanguage(), Map.of(
                    "maxAge", ONE_YEAR, "path", "/", "secure", true, "httpOnly", true, "SameSite", "Lax"));
            announce(external);
            return;
        }
        Object cookie = external.getRequestCookieMap().get(COOKIE);
        if (cookie instanceof jakarta.servlet.http.Cookie c) {
            supported(c.getValue()).ifPresent(locale -> current = locale);
        }
        announce(external);
    }

    /** Content-Language says the page's language (the server would say its own default). */
    private void announce(ExternalContext external) {
        if (external.getResponse() instanceof HttpServletResponse response && !response.isCommitted()) {
            response.setHeader("Content-Language", current.getLanguage());
        }
    }

    /** The language chosen, for a plain servlet: the cookie's, French otherwise. */
    public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue()).orElse(Locale.FRENCH);
                }
            }
        }
        return Locale.FRENCH;
    }

    static Optional<Locale> supported(String language) {
        if ("en".equals(language)) {
            return Optional.of(Locale.ENGLISH);
        }
        if ("fr".equals(language)) {
            return Optional.of(Locale.FRENCH);
        }
        return Optional.empty();
    }

    public Locale getCurrent() {
        return current;
    }

    public String getLanguage() {
        return current.getLanguage();
    }

    /** The other language offered by the switch. */
    public String getOther() {
        return Locale.FRENCH.equals(current) ? "en" : "fr";
    }

    /**
     * This page again, in the other language. Built from a path Sésame would write itself: an address
     * written otherwise (the 404 page of {@code //evil.example/}) switches to the home page, never
     * off-site.
     */
    public String getSwitchUrl() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return switchUrl(request.getContextPath(), request.getAttribute("jakarta.servlet.error.request_uri"),
                request.getRequestURI(), getOther());
    }

    static String switchUrl(String contextPath, Object errorUri, String requestUri, String language) {
        String uri = errorUri != null ? errorUri.toString() : requestUri;
        String path = uri != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : null;
        if (!CanonicalAddressFilter.isCanonical(path)) {
            path = "/";
        }
        return contextPath + path + "?" + PARAMETER + "=" + language;
    }
}
