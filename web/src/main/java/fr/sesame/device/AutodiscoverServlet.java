package fr.sesame.device;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Outlook's Autodiscover (plain XML, POST). The body is read up to a few kilobytes and parsed with
 * entities refused; anything that is not a request for an address of the académie's domain gets
 * Microsoft's "Invalid Request" error and a 400, never a stack trace.
 */
@WebServlet({"/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml"})
public class AutodiscoverServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceSettings settings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        if (request.getContentLengthLong() > AutodiscoverRequest.MAX_BYTES) {
            body = null;
        } else {
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes(AutodiscoverRequest.MAX_BYTES + 1);
            }
        }
        Optional<String> address = AutodiscoverRequest.address(body).filter(settings.servers()::isOurs);
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (address.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setHeader("Connection", "close");
            response.getWriter().write(MailClientDocuments.autodiscoverError());
            return;
        }
        response.getWriter().write(MailClientDocuments.autodiscover(settings.servers(), address.get()));
    }
}
