package io.meshcatalog.graph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic data mesh: datasets grouped into products (a fixed number each) and
 * products into domains, each domain owned by a team and every fourth product by a team of its own,
 * consumers reading datasets, and dataset-level {@code FEEDS} forming a DAG of two parts.
 * <ul>
 * <li>The <em>hub</em> and its downstream region: {@code hubReach} nodes (datasets and a few
 * consumers) in {@code hubLevels} levels that grow about fourfold, each dataset fed by a parent in
 * the level above and some by a second one (diamonds). Nothing else is downstream of the hub.</li>
 * <li>The <em>background</em>: every other dataset, in {@code layers} layers; a dataset reads one to
 * four datasets, mostly from the layer just above. Datasets of the last layer feed no dataset: they
 * are the leaves, some read by a consumer.</li>
 * </ul>
 * With fields, each dataset-level edge carries one or two field-level edges between fields of its
 * two datasets, so field lineage never leaves dataset lineage. Pure: numbers and edge lists, no I/O.
 * Node numbers: datasets {@code [0, datasets)}, consumers {@code [0, consumers)}, fields
 * {@code dataset * fieldsPerDataset + k}.
 */
public final class SyntheticMesh {

    /** What products are about, so that full-text search finds realistic words; a tag each. */
    private static final String[][] SUBJECTS = {
        {"orders", "orders"},
        {"shipments", "shipping"},
        {"delivery delays", "shipping"},
        {"returns", "orders"},
        {"customer contacts", "crm"},
        {"refunds", "finance"},
        {"invoices", "finance"},
        {"stock levels", "inventory"},
        {"marketing campaigns", "marketing"},
        {"customer churn", "crm"},
        {"carrier performance", "shipping"},
        {"revenue", "finance"},
        {"margins", "finance"},
        {"lead acquisition", "marketing"},
        {"payments", "finance"},
        {"fraud alerts", "risk"}
    };

    private static final String[] CADENCES = {
        "daily", "hourly", "weekly", "monthly", "predicted", "reconciled", "raw", "curated"
    };

    private final MeshSpec spec;
    private final int consumers;
    private final int hub;
    private final int[] leaves;
    private final IntEdges datasetFeeds;
    private final IntEdges consumerFeeds;
    private final IntEdges fieldFeeds;

    private SyntheticMesh(
            MeshSpec spec,
            int consumers,
            int hub,
            int[] leaves,
            IntEdges datasetFeeds,
            IntEdges consumerFeeds,
            IntEdges fieldFeeds) {
        this.spec = spec;
        this.consumers = consumers;
        this.hub = hub;
        this.leaves = leaves;
        this.datasetFeeds = datasetFeeds;
        this.consumerFeeds = consumerFeeds;
        this.fieldFeeds = fieldFeeds;
    }

    public static SyntheticMesh generate(MeshSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int n = spec.datasets();
        int[] order = shuffled(n, random);
        int consumers = Math.max(n / 20, spec.hubReach() / 10);
        int regionConsumers = spec.hubReach() / 20;
        int regionDatasets = spec.hubReach() - regionConsumers;
        IntEdges datasetFeeds = new IntEdges();
        IntEdges consumerFeeds = new IntEdges();

        // the hub and its region: order[0] and order[1 .. regionDatasets]
        int hub = order[0];
        int[][] levels = slice(order, 1, levelSizes(regionDatasets, spec.hubLevels()));
        for (int child : levels[0]) {
            datasetFeeds.add(hub, child);
        }
        for (int l = 1; l < levels.length; l++) {
            int[] above = levels[l - 1];
            for (int child : levels[l]) {
                int parent = above[random.nextInt(above.length)];
                datasetFeeds.add(parent, child);
                if (above.length > 1 && random.nextInt(10) < 3) {
                    int second = above[random.nextInt(above.length)];
                    if (second != parent) {
                        datasetFeeds.add(second, child);
                    }
                }
            }
        }
        int[] deepest = levels[levels.length - 1];
        for (int c = 0; c < regionConsumers; c++) {
            consumerFeeds.add(deepest[random.nextInt(deepest.length)], c);
        }

        // the background: the remaining datasets in layers, each reading from earlier layers only
        int background = n - 1 - regionDatasets;
        int[][] layers = slice(order, 1 + regionDatasets, evenSizes(background, spec.layers()));
        for (int l = 1; l < layers.length; l++) {
            for (int child : layers[l]) {
                int inputs = inputCount(random);
                int previous = -1;
                for (int i = 0; i < inputs; i++) {
                    int[] from = random.nextInt(10) < 7 ? layers[l - 1] : layers[random.nextInt(l)];
                    int parent = from[random.nextInt(from.length)];
                    if (parent != previous) {
                        datasetFeeds.add(parent, child);
                        previous = parent;
                    }
                }
            }
        }
        // the hub itself is fed, like any mid-pipeline dataset
        datasetFeeds.add(layers[0][0], hub);
        datasetFeeds.add(layers[0][1], hub);
        int[] last = layers[layers.length - 1];
        int[] beforeLast = layers[layers.length - 2];
        for (int c = regionConsumers; c < consumers; c++) {
            consumerFeeds.add(last[random.nextInt(last.length)], c);
            if (random.nextInt(4) == 0) {
                consumerFeeds.add(beforeLast[random.nextInt(beforeLast.length)], c);
            }
        }

        IntEdges fieldFeeds = new IntEdges();
        int f = spec.fieldsPerDataset();
        if (f > 0) {
            for (int e = 0; e < datasetFeeds.size(); e++) {
                int a = random.nextInt(f);
                int b = random.nextInt(f);
                fieldFeeds.add(datasetFeeds.from(e) * f + a, datasetFeeds.to(e) * f + b);
                if (f > 1 && random.nextInt(10) < 3) {
                    fieldFeeds.add(datasetFeeds.from(e) * f + (a + 1) % f, datasetFeeds.to(e) * f + b);
                }
            }
        }
        return new SyntheticMesh(spec, consumers, hub, last.clone(), datasetFeeds, consumerFeeds, fieldFeeds);
    }

    public MeshSpec spec() {
        return spec;
    }

    public int datasets() {
        return spec.datasets();
    }

    public int products() {
        return (spec.datasets() + spec.datasetsPerProduct() - 1) / spec.datasetsPerProduct();
    }

    public int domains() {
        return (products() + spec.productsPerDomain() - 1) / spec.productsPerDomain();
    }

    public int consumers() {
        return consumers;
    }

    public int fields() {
        return spec.datasets() * spec.fieldsPerDataset();
    }

    /** The dataset whose downstream closure is {@code hubReach} nodes. */
    public int hub() {
        return hub;
    }

    /** Datasets that feed no dataset (a consumer at most). */
    public int[] leaves() {
        return leaves.clone();
    }

    IntEdges datasetFeeds() {
        return datasetFeeds;
    }

    IntEdges consumerFeeds() {
        return consumerFeeds;
    }

    IntEdges fieldFeeds() {
        return fieldFeeds;
    }

    public int productOf(int dataset) {
        return dataset / spec.datasetsPerProduct();
    }

    public int domainOf(int product) {
        return product / spec.productsPerDomain();
    }

    /** Every fourth product names a team of its own; the others inherit their domain's. */
    public boolean hasOwnTeam(int product) {
        return product % 4 == 0;
    }

    public int consumerOwnerDomain(int consumer) {
        return consumer % domains();
    }

    public String domainId(int domain) {
        return "dom" + domain;
    }

    public String productId(int product) {
        return domainId(domainOf(product)) + ".dp" + product;
    }

    public String datasetId(int dataset) {
        return domainId(domainOf(productOf(dataset))) + ".ds" + dataset;
    }

    public String fieldId(int field) {
        return datasetId(field / spec.fieldsPerDataset()) + ".f" + field % spec.fieldsPerDataset();
    }

    /**
     * A product's name, such as {@code "daily delivery delays 42"}: sixteen subjects times eight
     * cadences, so a subject word matches about one product in sixteen.
     */
    public String productName(int product) {
        return CADENCES[(product / SUBJECTS.length) % CADENCES.length] + " " + subject(product) + " " + product;
    }

    /** A product's purpose: its subject, its domain and the subject it is derived from. */
    public String productPurpose(int product) {
        return "The " + CADENCES[(product / SUBJECTS.length) % CADENCES.length] + " " + subject(product)
                + " of domain " + domainId(domainOf(product)) + ", derived from "
                + subject(product * 5 + 3) + ".";
    }

    /** A product's one tag, shared by several subjects ({@code shipping}, {@code finance} …). */
    public String productTag(int product) {
        return SUBJECTS[product % SUBJECTS.length][1];
    }

    /** A dataset's description, in the words of its product. */
    public String datasetDescription(int dataset) {
        return "Part " + dataset % spec.datasetsPerProduct() + " of the " + subject(productOf(dataset))
                + " published by " + productId(productOf(dataset)) + ".";
    }

    private static String subject(int product) {
        return SUBJECTS[Math.floorMod(product, SUBJECTS.length)][0];
    }

    public String consumerId(int consumer) {
        return "consumer" + consumer;
    }

    public String domainTeam(int domain) {
        return "team-dom" + domain;
    }

    public String productTeam(int product) {
        return "team-dp" + product;
    }

    /** Content hash of all edges, for determinism checks. */
    public long fingerprint() {
        return ((long) datasetFeeds.fingerprint() * 31 + consumerFeeds.fingerprint()) * 31
                + fieldFeeds.fingerprint()
                + hub;
    }

    private static int inputCount(SplittableRandom random) {
        int p = random.nextInt(100);
        return p < 50 ? 1 : p < 80 ? 2 : p < 95 ? 3 : 4;
    }

    /** Sizes growing fourfold per level, summing to {@code total}. */
    static int[] levelSizes(int total, int levels) {
        double unit = total * 3.0 / (Math.pow(4, levels) - 1);
        int[] sizes = new int[levels];
        int sum = 0;
        for (int l = 0; l < levels - 1; l++) {
            sizes[l] = Math.max(1, (int) Math.round(unit * Math.pow(4, l)));
            sum += sizes[l];
        }
        sizes[levels - 1] = total - sum;
        return sizes;
    }

    private static int[] evenSizes(int total, int parts) {
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) {
            sizes[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return sizes;
    }

    private static int[][] slice(int[] values, int from, int[] sizes) {
        List<int[]> parts = new ArrayList<>();
        int at = from;
        for (int size : sizes) {
            int[] part = new int[size];
            System.arraycopy(values, at, part, 0, size);
            parts.add(part);
            at += size;
        }
        return parts.toArray(int[][]::new);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
