package io.meshcatalog.subgraphs.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which domains to start, read from {@code --domain=shipping} or {@code --domain=orders,shipping}; all five when
 * absent. {@code --server.port} names one port, so it is refused when more than one domain starts: each domain
 * then takes {@code --<domain>.port} or its default.
 */
public record LaunchOptions(List<DemoDomain> domains) {

    static final String DOMAIN_ARGUMENT = "--domain=";

    public LaunchOptions {
        domains = List.copyOf(domains);
    }

    public static LaunchOptions parse(String... args) {
        List<DemoDomain> domains = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(DOMAIN_ARGUMENT)) {
                for (String id : arg.substring(DOMAIN_ARGUMENT.length()).split(",")) {
                    DemoDomain domain = DemoDomain.byId(id)
                            .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + id.trim() + "' in "
                                    + arg + "; expected one of " + DemoDomain.ids()));
                    if (!domains.contains(domain)) {
                        domains.add(domain);
                    }
                }
            }
        }
        if (domains.isEmpty()) {
            domains.addAll(Arrays.asList(DemoDomain.values()));
        }
        if (domains.size() > 1 && Arrays.stream(args).anyMatch(arg -> arg.startsWith("--server.port="))) {
            throw new IllegalArgumentException("--server.port sets the port of a single domain; with " + domains.size()
                    + " domains use --<domain>.port, for example --shipping.port=5002");
        }
        return new LaunchOptions(domains);
    }
}
