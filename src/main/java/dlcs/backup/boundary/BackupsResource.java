package dlcs.backup.boundary;

import dlcs.backup.control.Backups;
import dlcs.backup.entity.Backup;
import dlcs.hydra.Hydra;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /backups}: an administrator has the running server write a backup into a directory
 * on its own disk, and is told where. Nothing serves a backup over HTTP: it holds every customer's
 * data and the keys to their stored credentials, so it leaves the machine by the operator's own
 * means (tar, rsync, a snapshot of the disk).
 */
@Path("backups")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class BackupsResource {

    @Inject
    Backups backups;

    @Context
    SecurityContext security;

    @POST
    public JsonObject take() {
        Callers.of(security).requireAdministrator();
        Backup backup = backups.take();
        return Json.createObjectBuilder().add("@context", Hydra.CONTEXT).add("@type", "Backup")
                .addAll(Backups.describe(backup)).build();
    }
}
