package dlcs.presentation.boundary;

import dlcs.iiif.control.ServedImages;
import dlcs.presentation.control.ImageSelections;
import dlcs.presentation.control.Labels;
import dlcs.presentation.control.ManifestBuilder;
import dlcs.registration.entity.Image;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;

/**
 * {@code /iiif-manifest/[v2/|v3/]{customer}/{space}/{id}}: a one-canvas manifest for any
 * ingested image, labelled and described by the image's own metadata. The image is found as the
 * image service finds it: 404 for none, and for one not ingested yet.
 */
@WebServlet(urlPatterns = "/iiif-manifest/*")
public class SingleImageManifestServlet extends ManifestServlet {

    @Inject
    ServedImages served;

    @Override
    String mount() {
        return "/iiif-manifest";
    }

    /** "v2" could also be a customer's name: the number of segments tells them apart. */
    @Override
    boolean versioned(List<String> segments) {
        return segments.size() == 4;
    }

    @Override
    Asked ask(List<String> segments) {
        if (segments.size() != 3) {
            throw noManifest("a single image's manifest is /iiif-manifest[/v2|/v3]/{customer}/{space}/{id},"
                    + " and a / inside an identifier must be escaped as %2F.");
        }
        Image image = served.servable(segments.get(0), segments.get(1), segments.get(2));
        return new Asked(new ImageSelections.Selection(image.customer(), List.of(image)), Labels.ofImage(image),
                ManifestBuilder.metadata(image));
    }
}
