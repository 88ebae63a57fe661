package fr.sesame.device;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Thunderbird's autoconfig, at both addresses it tries. The same document for every address of the
 * domain: nothing here tells whether an address exists.
 */
@WebServlet({"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"})
public class AutoconfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getWriter().write(MailClientDocuments.thunderbird(settings.servers()));
    }
}
