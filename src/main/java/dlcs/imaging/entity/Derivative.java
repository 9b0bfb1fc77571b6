package dlcs.imaging.entity;

import java.util.List;

/** What ingest made of a master: its size and format, and the thumbnail sizes written, largest first. */
public record Derivative(Dimensions size, ImageFormat sourceFormat, List<Dimensions> thumbnails) {
}
