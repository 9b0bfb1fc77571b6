package dlcs.backup.control;

import dlcs.common.ClientError;

/** Too little free space where backups go; nothing was written, or what was is removed. */
public class BackupSpaceException extends ClientError {

    public BackupSpaceException(String message) {
        super(507, "Insufficient storage", message);
    }
}
