package dlcs.usage.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.usage.entity.StoragePolicy;
import dlcs.usage.entity.StorageUsage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON-LD form of usage figures and storage policies, with the DLCS's names. */
public final class UsageRepresentations {

    private UsageRepresentations() {
    }

    public static String policyPath(String id) {
        return "/storagePolicies/" + id;
    }

    /**
     * A DLCS CustomerStorage: the figures of a customer or of one space, at {@code path}; the
     * customer's also links its storage policy.
     */
    public static JsonObject storage(StorageUsage usage, String path, PublicUrls urls) {
        JsonObjectBuilder json = Hydra.resource(urls.of(path), "CustomerStorage")
                .add("numberOfStoredImages", usage.numberOfStoredImages())
                .add("totalSizeOfStoredImages", usage.totalSizeOfStoredImages())
                .add("totalSizeOfThumbnails", usage.totalSizeOfThumbnails());
        Hydra.addIfPresent(json, "lastCalculated", usage.lastCalculated());
        if (usage.space() == StorageUsage.WHOLE_CUSTOMER) {
            json.add("storagePolicy", urls.of(policyPath(usage.storagePolicy())));
        }
        return json.build();
    }

    static JsonObject policy(StoragePolicy policy, PublicUrls urls) {
        return Hydra.resource(urls.of(policyPath(policy.id())), "StoragePolicy")
                .add("id", policy.id())
                .add("maximumNumberOfStoredImages", policy.maximumNumberOfStoredImages())
                .add("maximumTotalSizeOfStoredImages", policy.maximumTotalSizeOfStoredImages())
                .build();
    }
}
