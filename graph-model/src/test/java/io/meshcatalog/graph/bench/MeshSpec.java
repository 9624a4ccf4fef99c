package io.meshcatalog.graph.bench;

/**
 * The shape of a synthetic mesh: how many datasets, how they group into products and domains, how
 * many fields each dataset has, and how far the designated hub reaches.
 *
 * @param datasets datasets in the mesh, the hub included
 * @param datasetsPerProduct datasets each product publishes
 * @param productsPerDomain products in each domain
 * @param fieldsPerDataset fields of each dataset, 0 for a dataset-level-only mesh
 * @param layers layers of the background DAG; a dataset reads only from earlier layers
 * @param hubReach nodes (datasets and consumers) downstream of the hub
 * @param hubLevels levels of the hub's downstream region, at most the store's default depth
 * @param seed seed of every random choice, so that a spec always gives the same mesh
 */
public record MeshSpec(
        int datasets,
        int datasetsPerProduct,
        int productsPerDomain,
        int fieldsPerDataset,
        int layers,
        int hubReach,
        int hubLevels,
        long seed) {

    public MeshSpec {
        if (datasetsPerProduct < 1 || productsPerDomain < 1 || fieldsPerDataset < 0 || layers < 2 || hubLevels < 1) {
            throw new IllegalArgumentException("invalid mesh spec " + this);
        }
        if (hubReach < hubLevels || datasets < 4 * hubReach) {
            throw new IllegalArgumentException("need datasets >= 4 * hubReach >= 4 * hubLevels, got " + this);
        }
    }

    /**
     * The benchmark's mesh of {@code datasets} datasets: 4 datasets per product, 50 products per
     * domain, a hub reaching 10,000 nodes in 6 levels, and 5 fields per dataset up to 100k datasets
     * (none above, where only dataset-level lineage is measured).
     */
    public static MeshSpec of(int datasets) {
        return new MeshSpec(datasets, 4, 50, datasets <= 100_000 ? 5 : 0, 8, 10_000, 6, 20_26L);
    }

    public MeshSpec withHubReach(int reach) {
        return new MeshSpec(
                datasets, datasetsPerProduct, productsPerDomain, fieldsPerDataset, layers, reach, hubLevels, seed);
    }
}
