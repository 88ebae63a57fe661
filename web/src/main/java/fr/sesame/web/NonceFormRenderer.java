package fr.sesame.web;

import com.sun.faces.renderkit.html_basic.FormRenderer;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

import java.io.IOException;

/**
 * Every form carries PrimeFaces' CSP nonce in a field of its own. PrimeFaces refuses a postback
 * without it, and only its script would add it: a browser without JavaScript had its forms refused.
 */
public class NonceFormRenderer extends FormRenderer {

    /** The request parameter PrimeFaces compares with the nonce of the view. */
    static final String NONCE_FIELD = "primefaces.nonce";

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        if (component.isRendered() && PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", null);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", NONCE_FIELD, null);
            writer.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
            writer.endElement("input");
        }
        super.encodeEnd(context, component);
    }
}
