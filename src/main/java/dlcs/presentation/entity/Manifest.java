package dlcs.presentation.entity;

import java.util.List;

/**
 * A manifest in neither version of the Presentation API: what both versions say, from which
 * each version's JSON is written. Its thumbnail is the first canvas's.
 */
public record Manifest(String id, String label, List<Entry> metadata, List<Canvas> canvases) {

    public Manifest {
        metadata = List.copyOf(metadata);
        canvases = List.copyOf(canvases);
    }

    /** The manifest's thumbnail: its first canvas's, if that has one. */
    public Picture thumbnail() {
        return canvases.isEmpty() ? null : canvases.get(0).thumbnail();
    }
}
