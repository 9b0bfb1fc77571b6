package dlcs.iiif.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidReader;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.ImageStore;
import dlcs.registration.control.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Finds the derivative that serves {@code /{customer}/{space}/{id}}. */
@ApplicationScoped
public class ServedImages {

    @Inject
    CustomerStore customers;

    @Inject
    ImageStore images;

    @Inject
    DerivativeStore storage;

    public ServedImage find(String customer, String space, String imageId) {
        Customer owner = customers.resolve(customer);
        if (!space.matches("\\d{1,9}")) {
            throw new UnknownResourceException("There is no space '" + space + "'.");
        }
        Image image = images.find(owner.id(), Integer.parseInt(space), imageId)
                .orElseThrow(() -> new UnknownResourceException("There is no image " + customer + "/" + space + "/"
                        + imageId + "."));
        if (!image.isServable()) {
            throw new ImageNotAvailableException(image.error() != null && !image.error().isEmpty()
                    ? "The image could not be ingested: " + image.error()
                    : "The image is still being ingested; try again shortly.");
        }
        Path directory = storage.directory(new DerivativeLocation(image.customer(), image.space(), image.imageId(),
                image.storageVersion()));
        try {
            return new ServedImage(image.customer(), image.space(), image.imageId(), directory,
                    PyramidReader.levels(DerivativeFiles.pyramid(directory)), image.lastModified(),
                    image.storageVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("The derivative of " + image.key() + " cannot be read", e);
        }
    }
}
