package dlcs.iiif.boundary;

import dlcs.hydra.PublicUrls;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.control.ServedImages;
import dlcs.iiif.entity.ImageRequest;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.JpegEncoder;
import dlcs.imaging.control.PyramidReader;
import dlcs.imaging.control.Rasters;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The IIIF Image API service at {@code /iiif-img/{customer}/{space}/{id}}: info.json and image
 * requests, served from the stored pyramid. A servlet, not JAX-RS: this is the hot path.
 */
@WebServlet(urlPatterns = "/iiif-img/*", asyncSupported = false)
public class ImageServiceServlet extends HttpServlet {

    @Inject
    ServedImages served;

    @Inject
    PublicUrls urls;

    @Inject
    InfoDocuments infoDocuments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.allowCors(response);
        try {
            List<String> segments = IiifPaths.segments(request);
            if (segments.size() == 3) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", serviceId(segments) + "/info.json");
                return;
            }
            if (segments.size() == 4 && segments.get(3).equals("info.json")) {
                ServedImage image = served.find(segments.get(0), segments.get(1), segments.get(2));
                Responses.json(request, response, infoDocuments.imageService3(image, serviceId(segments)));
                return;
            }
            if (segments.size() == 7) {
                ImageRequest parsed = ImageRequest.parse(segments.get(3), segments.get(4), segments.get(5),
                        segments.get(6));
                ServedImage image = served.find(segments.get(0), segments.get(1), segments.get(2));
                sendImage(response, image, parsed);
                return;
            }
            Responses.error(response, 400, "Expected /iiif-img/{customer}/{space}/{id}/info.json or"
                    + " /iiif-img/{customer}/{space}/{id}/{region}/{size}/{rotation}/{quality}.{format}.");
        } catch (RuntimeException e) {
            Responses.error(response, e, request);
        }
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        Responses.allowCors(response);
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void sendImage(HttpServletResponse response, ServedImage image, ImageRequest request) throws IOException {
        Rectangle region = request.region().resolve(image.width(), image.height());
        Dimension size = request.size().resolve(region.width, region.height, InfoDocuments.maxArea(image));
        BufferedImage rendered = PyramidReader.render(DerivativeFiles.pyramid(image.directory()), image.levels(),
                region, size.width, size.height);
        if (request.quality().equals("gray")) {
            rendered = Rasters.grey(rendered);
        } else if (request.quality().equals("bitonal")) {
            rendered = Rasters.bitonal(rendered);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (request.format().equals("png")) {
            ImageIO.write(rendered, "png", body);
        } else {
            JpegEncoder.write(rendered, body, 0.85f);
        }
        response.setContentType(request.mediaType());
        response.setContentLength(body.size());
        Responses.cacheable(response, image);
        body.writeTo(response.getOutputStream());
    }

    private String serviceId(List<String> segments) {
        return urls.of("/iiif-img/" + segments.get(0) + "/" + segments.get(1) + "/" + segments.get(2));
    }
}
