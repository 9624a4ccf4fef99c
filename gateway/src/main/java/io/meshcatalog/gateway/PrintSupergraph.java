package io.meshcatalog.gateway;

import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.http.ComposedSupergraph;
import io.meshcatalog.gateway.http.HttpSdlFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --subgraphs=… --print-supergraph[=<file>]}: composes and writes the supergraph (to stdout
 * or the file) without starting the server, so it can be reviewed, committed and served back with
 * {@code --supergraph}.
 */
final class PrintSupergraph {

    private PrintSupergraph() {}

    static boolean requested(String[] args) {
        return Flags.has(args, "--print-supergraph");
    }

    static int run(String[] args) {
        String subgraphs = Flags.value(args, "--subgraphs=");
        String target = Flags.value(args, "--print-supergraph=");
        if (subgraphs == null) {
            System.err.println("--print-supergraph needs --subgraphs=name=url,name=url");
            return 2;
        }
        try (NettyTransport transport = NettyTransport.create(1);
                NettySubgraphClient http = new NettySubgraphClient(
                        transport, JsonMapper.builder().build(), NettySubgraphClient.Options.DEFAULTS)) {
            String sdl = new ComposedSupergraph(
                            ComposedSupergraph.parse(subgraphs), new HttpSdlFetcher(http, SubgraphSettings.DEFAULTS))
                    .composeSdl();
            if (target == null) {
                System.out.print(sdl);
            } else {
                Files.writeString(Path.of(target), sdl, StandardCharsets.UTF_8);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
